def test_ready(client):
    resp = client.get("/health/ready")
    assert resp.status_code == 200
    assert resp.json()["model_version"] == "7"


def test_predict_single(client, customer):
    resp = client.post("/predict", json={"customers": [customer]})
    assert resp.status_code == 200
    body = resp.json()
    print(body)
    assert body["predictions"][0]["customer_id"] == "C-1001"
    assert 0.0 <= body["predictions"][0]["churn_probability"] <= 1.0


def test_predict_rejects_unknown_contract(client, customer):
    customer["contract"] = "lifetime"
    resp = client.post("/predict", json={"customers": [customer]})
    assert resp.status_code == 422


def test_predict_rejects_empty_batch(client):
    resp = client.post("/predict", json={"customers": []})
    assert resp.status_code == 422


def test_threshold_applied(client, customer):
    customer["monthly_charges"] = 10.0
    resp = client.post("/predict", json={"customers": [customer]})
    assert resp.json()["predictions"][0]["will_churn"] is False
