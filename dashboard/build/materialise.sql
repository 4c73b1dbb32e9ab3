-- Run at the end of a build: freeze the views into tables for fast read-only serving.
CREATE TABLE facts AS SELECT * FROM v_facts;
CREATE TABLE facts_labelled AS SELECT * FROM v_facts_labelled;
