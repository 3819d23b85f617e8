import pandas as pd

from src.features import build_features, mcc_bucket


def test_mcc_bucket():
    assert mcc_bucket("7995") == 2
    assert mcc_bucket("5411") == 1
    assert mcc_bucket("1234") == 0


def test_build_features_columns():
    df = pd.DataFrame(
        {
            "amount": [10.0, 2500.0],
            "timestamp": ["2024-03-01T10:00:00", "2024-03-01T23:30:00"],
            "mcc": [5411, 7995],
            "card_country": ["DE", "DE"],
            "merchant_country": ["DE", "MT"],
            "tx_last_24h": [1, None],
            "avg_amount_30d": [35.0, None],
        }
    )
    feats = build_features(df)
    print(feats)
    assert list(feats["country_mismatch"]) == [0, 1]
    assert feats["hour"].tolist() == [10, 23]
