import os

from app import create_app

app = create_app()

if __name__ == "__main__":
    from waitress import serve

    serve(app, host=os.environ.get("HOST", "0.0.0.0"), port=int(os.environ.get("PORT", "8080")))
