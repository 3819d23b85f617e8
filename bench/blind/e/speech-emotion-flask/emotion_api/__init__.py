import logging
import os

from flask import Flask

from .config import Config
from .db import init_db, shutdown_session
from .extensions import limiter


def create_app(config_object: type = Config) -> Flask:
    app = Flask(__name__)
    app.config.from_object(config_object)
    app.config["DEBUG"] = os.environ.get("FLASK_DEBUG", "0") == "1"

    logging.basicConfig(
        level=app.config["LOG_LEVEL"],
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )

    os.makedirs(app.config["UPLOAD_DIR"], exist_ok=True)

    limiter.init_app(app)
    init_db(app.config["DATABASE_URL"])
    app.teardown_appcontext(shutdown_session)

    from .api.predict import bp as predict_bp
    from .health import bp as health_bp

    app.register_blueprint(health_bp)
    app.register_blueprint(predict_bp, url_prefix="/api/v1")
    return app
