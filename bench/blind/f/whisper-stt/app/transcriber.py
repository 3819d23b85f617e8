"""Worker-side code. Everything here runs inside the ProcessPoolExecutor."""
import logging
import os
import subprocess
import tempfile

from faster_whisper import WhisperModel

logger = logging.getLogger(__name__)

_model = None


def init_worker(model_size: str, device: str, compute_type: str) -> None:
    global _model
    logging.basicConfig(level=logging.INFO)
    logger.info("worker %s loading whisper %s on %s", os.getpid(), model_size, device)
    _model = WhisperModel(model_size, device=device, compute_type=compute_type)


def _to_wav(src_path: str) -> str:
    fd, dst_path = tempfile.mkstemp(suffix=".wav")
    os.close(fd)
    subprocess.run(
        ["ffmpeg", "-y", "-loglevel", "error", "-i", src_path,
         "-ac", "1", "-ar", "16000", dst_path],
        check=True,
        timeout=30,
    )
    return dst_path


def transcribe_file(path: str, language: str | None = None, beam_size: int = 5) -> dict:
    wav_path = _to_wav(path)
    try:
        segments, info = _model.transcribe(
            wav_path,
            language=language,
            beam_size=beam_size,
            vad_filter=True,
        )
        out = []
        for seg in segments:
            out.append({"start": round(seg.start, 2), "end": round(seg.end, 2), "text": seg.text.strip()})
        return {
            "language": info.language,
            "language_probability": round(info.language_probability, 3),
            "duration": round(info.duration, 2),
            "segments": out,
            "text": " ".join(s["text"] for s in out),
        }
    finally:
        os.remove(wav_path)
