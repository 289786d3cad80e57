"""Lists of results a researcher's walkthrough misread (our own sentences of the same shapes)."""

from __future__ import annotations

from paperlab.compare import extract_results


def _rows(text: str) -> list[tuple[object, ...]]:
    df = extract_results(text)
    return [(r.metric, r.value, r.dataset) for r in df.itertuples(index=False)]


def test_a_value_in_parentheses_after_a_metric_belongs_to_it_with_no_dataset() -> None:
    # "METRIC (VALUE), METRIC (VALUE)": the next item's metric is not the dataset of the value before it
    rows = _rows("Our forecaster reaches MSE (17.2041), RMSE (4.1478), MAE (2.9316) on held-out weeks.")
    assert rows == [("MSE", 17.2041, None), ("RMSE", 4.1478, None), ("MAE", 2.9316, None)]
    rows = _rows("The probe scores MAE (0.377) and RMSE (0.642).")
    assert rows == [("MAE", 0.377, None), ("RMSE", 0.642, None)]
