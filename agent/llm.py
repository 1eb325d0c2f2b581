"""The LLM only chooses: every call is constrained to a JSON schema of the allowed answers and validated.

LangChain is not used: its llama.cpp wrappers fix one grammar per instance, but the schema changes with every call.
"""

import logging
import os
import threading
import time
from collections import deque
from collections.abc import Iterable, Sequence
from typing import Literal, Protocol

import httpx
from pydantic import BaseModel, SerializeAsAny, ValidationError, create_model

from agent.model_files import ModelUnavailable, chat_format, model_path
from agent.prompts import Prompt
from cifra.settings import Settings

log = logging.getLogger(__name__)

NONE = "none"


class LlmFailed(Exception):
    """The model (or its server) gave no answer that fits the schema."""


class LlmChoice(BaseModel):
    value: SerializeAsAny[BaseModel]
    prompt_name: str
    prompt_version: int
    elapsed_ms: int
    prompt_tokens: int
    completion_tokens: int


class Chooser(Protocol):
    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel]) -> LlmChoice: ...


def _finish(prompt: Prompt, schema: type[BaseModel], reply: str | dict, started: float,
            prompt_tokens: int = 0, completion_tokens: int = 0) -> LlmChoice:
    """Validate the reply against the schema and log the call with its prompt version."""
    try:
        value = schema.model_validate_json(reply) if isinstance(reply, str) else schema.model_validate(reply)
    except ValidationError as error:
        raise LlmFailed(f"{prompt.name} v{prompt.version}: reply {reply!r} does not fit the schema: {error}") from error
    choice = LlmChoice(value=value, prompt_name=prompt.name, prompt_version=prompt.version,
                       elapsed_ms=round((time.perf_counter() - started) * 1000),
                       prompt_tokens=prompt_tokens, completion_tokens=completion_tokens)
    log.info("llm %s v%d -> %s (%d ms, %d+%d tokens)", prompt.name, prompt.version, value.model_dump_json(),
             choice.elapsed_ms, prompt_tokens, completion_tokens)
    return choice


class LlamaCppChooser:
    """A GGUF model run in-process by llama.cpp; loaded once, then each call reuses the KV cache of the
    unchanged prompt prefix (system and examples), so only the question and candidates are evaluated."""

    def __init__(self, path: os.PathLike, chat_format: str | None = None, threads: int | None = None,
                 n_ctx: int = 2048):
        from llama_cpp import Llama  # imported here: importing it loads the native library

        threads = threads or os.cpu_count() or 1
        self.llama = Llama(model_path=str(path), n_ctx=n_ctx, n_threads=threads, n_threads_batch=threads,
                           n_gpu_layers=-1, chat_format=chat_format, verbose=False)
        self.lock = threading.Lock()  # one llama.cpp context serves one call at a time

    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel]) -> LlmChoice:
        messages = prompt.messages(variables)
        with self.lock:
            started = time.perf_counter()
            try:
                response = self.llama.create_chat_completion(
                    messages=messages, temperature=0, max_tokens=256,
                    response_format={"type": "json_object", "schema": schema.model_json_schema()})
            except ValueError as error:  # e.g. the prompt does not fit the context window
                raise LlmFailed(f"{prompt.name} v{prompt.version}: {error}") from error
        usage = response["usage"]
        return _finish(prompt, schema, response["choices"][0]["message"]["content"], started,
                       usage["prompt_tokens"], usage["completion_tokens"])


class OpenAICompatibleChooser:
    """A model behind an OpenAI-compatible server (llama-server, vLLM, Ollama), asked for strict JSON-schema output."""

    def __init__(self, url: str, model: str, client: httpx.Client | None = None):
        self.model = model
        self.client = client or httpx.Client(base_url=url, timeout=120)

    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel]) -> LlmChoice:
        started = time.perf_counter()
        body = {
            "model": self.model, "messages": prompt.messages(variables), "temperature": 0, "max_tokens": 256,
            "response_format": {"type": "json_schema", "json_schema": {
                "name": schema.__name__, "schema": schema.model_json_schema(), "strict": True}},
        }
        try:
            response = self.client.post("/v1/chat/completions", json=body)
            response.raise_for_status()
            payload = response.json()
            reply = payload["choices"][0]["message"]["content"]
        except (httpx.HTTPError, ValueError, LookupError, TypeError) as error:
            raise LlmFailed(f"{prompt.name} v{prompt.version}: {self.client.base_url} failed: {error}") from error
        usage = payload.get("usage") or {}
        return _finish(prompt, schema, reply, started, usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0))


class FakeChooser:
    """Answers queued in advance, for fast tests of other stages; still renders prompts and validates replies."""

    def __init__(self, replies: Iterable[str | dict] = ()):
        self.replies = deque(replies)
        self.calls: list[tuple[Prompt, dict[str, str]]] = []

    def queue(self, *replies: str | dict) -> None:
        self.replies.extend(replies)

    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel]) -> LlmChoice:
        started = time.perf_counter()
        prompt.messages(variables)  # a missing variable fails here as it would with a real model
        self.calls.append((prompt, variables))
        if not self.replies:
            raise LlmFailed(f"{prompt.name} v{prompt.version}: FakeChooser has no queued reply")
        return _finish(prompt, schema, self.replies.popleft(), started)


def load_chooser(settings: Settings) -> Chooser:
    """The server at ``llm_url`` when set, else the local model (assembled on first use)."""
    if settings.llm_url:
        return OpenAICompatibleChooser(settings.llm_url, settings.model)
    try:
        return LlamaCppChooser(model_path(settings), chat_format(settings), settings.llm_threads)
    except ValueError as error:  # llama_cpp raises ValueError when it cannot load the file
        raise ModelUnavailable(f"cannot load model {settings.model!r}: {error}") from error


class Candidate(BaseModel):
    """What the model sees of one retrieved indicator."""

    code: str
    name_es: str
    name_en: str
    unit: str = ""
    source: str = ""
    notes: str = ""


def numbered(candidates: Sequence[Candidate]) -> str:
    """The ``candidates`` variable of prompts/choose_indicator.yaml: one numbered line per indicator."""
    lines = []
    for number, candidate in enumerate(candidates, start=1):
        details = [f"unit: {candidate.unit}" if candidate.unit else "",
                   f"source: {candidate.source}" if candidate.source else "", candidate.notes]
        lines.append(" | ".join([f"{number}. {candidate.code}", candidate.name_es, candidate.name_en,
                                 *filter(None, details)]))
    return "\n".join(lines)


def choice_schema(codes: Sequence[str]) -> type[BaseModel]:
    """A reply schema whose ``indicator_code`` can only be one of ``codes`` or "none"."""
    allowed = tuple(dict.fromkeys([*codes, NONE]))
    return create_model("IndicatorChoice", indicator_code=(Literal[allowed], ...))
