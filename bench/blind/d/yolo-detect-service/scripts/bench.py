import argparse
import statistics
import time
from pathlib import Path

import httpx


def run(url: str, image: Path, n: int) -> list[float]:
    payload = image.read_bytes()
    latencies = []
    with httpx.Client() as client:
        for _ in range(n):
            start = time.perf_counter()
            resp = client.post(url, files={"file": (image.name, payload, "image/jpeg")})
            resp.raise_for_status()
            latencies.append((time.perf_counter() - start) * 1000)
    return latencies


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("image", type=Path)
    parser.add_argument("--url", default="http://localhost:8000/detect")
    parser.add_argument("-n", type=int, default=50)
    args = parser.parse_args()
    lat = sorted(run(args.url, args.image, args.n))
    print(f"n={len(lat)} p50={statistics.median(lat):.1f}ms p95={lat[int(0.95 * len(lat)) - 1]:.1f}ms")
