"""Quick check against a running demo: python scripts/smoke_test.py http://localhost:7860 cat.jpg"""
import sys
import time

from gradio_client import Client


def main(url: str, image_path: str, runs: int = 5) -> int:
    client = Client(url)
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        result = client.predict(image_path, 5, api_name="/classify")
        timings.append(time.perf_counter() - start)
    print(f"top label: {result.get('label')}")
    print(f"mean latency: {sum(timings) / len(timings) * 1000:.1f} ms over {runs} runs")
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        print("usage: smoke_test.py URL IMAGE")
        sys.exit(2)
    sys.exit(main(sys.argv[1], sys.argv[2]))
