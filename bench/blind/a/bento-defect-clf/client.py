import sys

import httpx


def main(path: str, host: str = "http://127.0.0.1:3000") -> None:
    with open(path, "rb") as f:
        files = {"images": (path, f, "image/jpeg")}
        resp = httpx.post(f"{host}/classify", files=files)
    resp.raise_for_status()
    for item in resp.json()[0]:
        print(f"{item['label']:>15s}  {item['score']:.3f}")


if __name__ == "__main__":
    main(*sys.argv[1:])
