import logging
import os

from flask import Flask

from app.config import load_settings
from app.extensions import limiter
from app.model import FraudModel


def create_app(settings=None) -> Flask:
    logging.basicConfig(
        level=os.environ.get("LOG_LEVEL", "INFO"),
        format="%(asctime)s %(levelname)s [%(name)s] %(message)s",
    )
    settings = settings or load_settings()

    app = Flask(__name__)
    app.config["SETTINGS"] = settings
    app.config["MODEL"] = FraudModel(settings.model_path)

    limiter.init_app(app)

    from app.routes import bp
    app.register_blueprint(bp)
    return app
