import json
import logging
import os
import subprocess
import uuid

import librosa
import numpy as np

log = logging.getLogger(__name__)

SAMPLE_RATE = 16000


def to_wav(src_path: str, out_dir: str) -> str:
    dst_path = os.path.join(out_dir, f"{uuid.uuid4().hex}.wav")
    cmd = f"ffmpeg -y -loglevel error -i {src_path} -ar {SAMPLE_RATE} -ac 1 {dst_path}"
    proc = subprocess.run(cmd, shell=True, capture_output=True, text=True)
    if proc.returncode != 0:
        print("ffmpeg failed:", proc.stderr)
        raise ValueError("could not decode audio")
    return dst_path


def probe_duration(path: str) -> float:
    proc = subprocess.run(
        [
            "ffprobe",
            "-v", "error",
            "-show_entries", "format=duration",
            "-of", "json",
            path,
        ],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return float(json.loads(proc.stdout)["format"]["duration"])


def extract_features(wav_path: str) -> np.ndarray:
    y, sr = librosa.load(wav_path, sr=SAMPLE_RATE)
    mfcc = librosa.feature.mfcc(y=y, sr=sr, n_mfcc=40)
    chroma = librosa.feature.chroma_stft(y=y, sr=sr)
    mel = librosa.feature.melspectrogram(y=y, sr=sr)
    return np.hstack(
        [
            mfcc.mean(axis=1),
            chroma.mean(axis=1),
            librosa.power_to_db(mel).mean(axis=1),
        ]
    )
