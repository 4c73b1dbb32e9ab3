"""The benchmark's textbook reference app starts on a built warehouse.

`python -m benchmarks` measures the project beside it in the same run; when the reference
cannot start, the benchmark has nothing to compare against (it broke once when the
controls' choices became data read from the warehouse). Run in a subprocess: the textbook
registers its own Dash Pages, which must not mix with the project's in this process.
"""

from __future__ import annotations

import json

from tests.processes import last_line

SCRIPT = """
import json
from benchmarks import textbook
client = textbook.server.test_client()
page = client.get("/trend")
layout = client.get("/_dash-layout")
print(json.dumps({"page": page.status_code, "layout": layout.status_code,
                  "kommuner": len(textbook.dimensions.kommuner())}))
"""


def test_textbook_reference_serves_a_page(warehouse_path):
    answer = json.loads(last_line(SCRIPT, SLT_WAREHOUSE=str(warehouse_path)))
    assert answer["page"] == 200
    assert answer["layout"] == 200
    assert answer["kommuner"] >= 3  # Bærum, Asker, Oslo at least: choices read from data
