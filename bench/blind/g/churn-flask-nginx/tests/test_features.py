from features import FEATURE_COLUMNS, build_frame, plan_code


def test_plan_code():
    assert plan_code("Premium Plus") == 2
    assert plan_code("standard") == 1
    assert plan_code("basic") == 0


def test_build_frame_columns():
    rows = [
        {
            "tenure_months": 3,
            "monthly_charges": "70.5",
            "total_charges": 211.5,
            "support_tickets": 1,
            "contract": "month-to-month",
            "payment_method": "card",
            "plan": "standard",
        }
    ]
    df = build_frame(rows)
    print(df)
    assert list(df.columns) == FEATURE_COLUMNS
    assert df.loc[0, "monthly_charges"] == 70.5
