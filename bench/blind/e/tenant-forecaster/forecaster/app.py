import logging
import os

from flask import Flask, jsonify, request

from .models import MODELS, RECENT_ERRORS, forecast
from .retrain import start_retrain_thread
from .settings import SETTINGS

logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log = logging.getLogger("forecaster")

app = Flask(__name__)
start_retrain_thread()


@app.get("/health")
def health():
    return jsonify(status="ok", tenants_loaded=len(MODELS))


@app.get("/forecast/<tenant>")
def get_forecast(tenant):
    horizon = request.args.get("horizon", SETTINGS["forecast"]["default_horizon_days"], type=int)
    max_h = SETTINGS["forecast"]["max_horizon_days"]
    if horizon < 1 or horizon > max_h:
        return jsonify(error=f"horizon must be 1..{max_h}"), 400
    try:
        fc = forecast(tenant, horizon)
    except FileNotFoundError:
        return jsonify(error=f"no sales data for tenant {tenant}"), 404
    except Exception:
        log.exception("forecast failed tenant=%s horizon=%d", tenant, horizon)
        return jsonify(error="internal error"), 500
    fc["ds"] = fc["ds"].dt.strftime("%Y-%m-%d")
    return jsonify(tenant=tenant, horizon=horizon, forecast=fc.to_dict(orient="records"))


@app.get("/errors")
def errors():
    return jsonify(list(RECENT_ERRORS))


def main() -> None:
    from waitress import serve

    host = os.environ.get("HOST", "0.0.0.0")
    port = int(os.environ.get("PORT", "8080"))
    log.info("serving on %s:%d", host, port)
    serve(app, host=host, port=port, threads=4)


if __name__ == "__main__":
    main()
