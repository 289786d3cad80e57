"""Lists of results a researcher's walkthrough misread (our own sentences of the same shapes)."""

from __future__ import annotations

from paperlab import Paper
from paperlab.compare import compare, extract_results


def _rows(text: str) -> list[tuple[object, ...]]:
    df = extract_results(text)
    return [(r.metric, r.value, r.dataset) for r in df.itertuples(index=False)]


def test_a_value_in_parentheses_after_a_metric_belongs_to_it_with_no_dataset() -> None:
    # "METRIC (VALUE), METRIC (VALUE)": the next item's metric is not the dataset of the value before it
    rows = _rows("Our forecaster reaches MSE (17.2041), RMSE (4.1478), MAE (2.9316) on held-out weeks.")
    assert rows == [("MSE", 17.2041, None), ("RMSE", 4.1478, None), ("MAE", 2.9316, None)]
    rows = _rows("The probe scores MAE (0.377) and RMSE (0.642).")
    assert rows == [("MAE", 0.377, None), ("RMSE", 0.642, None)]


def test_a_reduction_keeps_its_direction_and_a_trailing_name_list_pairs_in_order() -> None:
    text = "Compared with the strongest baseline, our model lowers MAE by 7%, 3%, and 9% on Harbor, Sky and River."
    df = extract_results(text)
    assert [(r.metric, r.value, r.dataset, r.kind, r.direction) for r in df.itertuples(index=False)] == [
        ("MAE", 7.0, "Harbor", "delta", "down"),
        ("MAE", 3.0, "Sky", "delta", "down"),
        ("MAE", 9.0, "River", "delta", "down"),
    ]
    shown = compare([Paper(title="Forecasting tides", abstract=text)])["results"].iloc[0]
    assert "\u22127% MAE on Harbor" in shown and "\u22129% MAE on River" in shown and "+7%" not in shown


def test_a_gain_stays_a_plus_and_a_list_whose_count_differs_is_not_paired() -> None:
    df = extract_results("It raises accuracy by 2.5% and 1.5% on Harbor, Sky and River.")
    assert list(df["direction"]) == ["up", "up"]
    assert "Sky" not in set(df["dataset"].dropna())  # two values, three names: no order to pair by
    shown = compare([Paper(title="t", abstract="Our cache cuts the latency by 3x and raises accuracy by 2%.")])
    assert "3x lower latency" in shown["results"].iloc[0] and "+2% accuracy" in shown["results"].iloc[0]


def test_a_name_list_just_before_the_values_pairs_in_order() -> None:
    # the walkthrough paper's own order: the benchmarks first, then "reducing MSE by a%, b%, and c%"
    text = "We test on the noisy Harbor, Sky, and River benchmarks, lowering MAE by 7%, 3%, and 9% against the best baseline."
    df = extract_results(text)
    assert [(r.value, r.dataset, r.direction) for r in df.itertuples(index=False)] == [
        (7.0, "Harbor", "down"),
        (3.0, "Sky", "down"),
        (9.0, "River", "down"),
    ]
