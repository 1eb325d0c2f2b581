"""The LLM only chooses: every call is constrained to a JSON schema of the allowed answers and validated.

Every model is reached over HTTP (OpenAI's chat completions), the local one through its own supervised
process (agent.model_server), so no native model code runs in the chat's process. The client is plain
httpx rather than LangChain's chat model: the schema changes with every call, and each call needs its own
deadline.
"""

import logging
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from typing import Literal, Protocol

import httpx
from pydantic import BaseModel, SerializeAsAny, ValidationError, create_model

from agent.model_files import ModelUnavailable
from agent.model_server import ModelPreparing, ModelServer, shared_server
from agent.models import Note, PlanOutcome
from agent.prompts import Prompt
from cifra.settings import Settings

log = logging.getLogger(__name__)

NONE = "none"


class LlmFailed(Exception):
    """The model (or its server) gave no answer that fits the schema."""


class LlmUnreachable(LlmFailed):
    """No answer came back in time: the server is busy, hung, crashed mid-answer or not listening."""


class LlmBusy(LlmUnreachable):
    """Too many calls are already waiting for the server: this one would not get its turn in time."""


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


class OpenAICompatibleChooser:
    """A model behind an OpenAI-compatible server (llama-server, vLLM, Ollama, llama-cpp-python's server), asked
    for JSON that fits the schema. Every call ends within ``timeout`` seconds, queueing at the server included.

    Servers name schema-constrained output in two ways: OpenAI's ``json_schema`` (llama-server, vLLM) and
    ``json_object`` with a ``schema`` (llama-cpp-python). The first is tried unless told otherwise; a server
    that refuses it (400, 422, or an error naming ``response_format``: llama-cpp-python answers 500) is asked
    the other way from then on.
    """

    def __init__(self, url: str, model: str, timeout: float = 20.0, response_format: str = "json_schema",
                 client: httpx.Client | None = None):
        self.model = model
        self.response_format = response_format
        self.client = client or httpx.Client(base_url=url, timeout=timeout)

    def _format(self, schema: type[BaseModel]) -> dict:
        if self.response_format == "json_object":
            return {"type": "json_object", "schema": schema.model_json_schema()}
        return {"type": "json_schema",
                "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": True}}

    def _post(self, body: dict, schema: type[BaseModel], timeout: float) -> httpx.Response:
        while True:
            response = self.client.post("/v1/chat/completions", timeout=timeout,
                                        json={**body, "response_format": self._format(schema)})
            refused = response.status_code in (400, 422) or (response.is_error and "response_format" in response.text)
            if not refused or self.response_format != "json_schema":
                return response
            self.response_format = "json_object"

    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel],
               timeout: float | None = None) -> LlmChoice:
        started = time.perf_counter()
        timeout = timeout or self.client.timeout.read
        body = {"model": self.model, "messages": prompt.messages(variables), "temperature": 0, "max_tokens": 256}
        try:
            response = self._post(body, schema, timeout)
            if response.is_error:
                raise LlmFailed(f"{prompt.name} v{prompt.version}: {self.client.base_url} answered "
                                f"{response.status_code}: {response.text[:500]}")
            payload = response.json()
            reply = payload["choices"][0]["message"]["content"]
        except httpx.TimeoutException as error:
            raise LlmUnreachable(f"{prompt.name} v{prompt.version}: {self.client.base_url} gave no answer "
                                 f"within {timeout:.0f} s") from error
        except httpx.TransportError as error:  # refused, reset, closed mid-answer: the server is down
            raise LlmUnreachable(f"{prompt.name} v{prompt.version}: {self.client.base_url}: {error!r}") from error
        except (httpx.HTTPError, ValueError, LookupError, TypeError) as error:
            raise LlmFailed(f"{prompt.name} v{prompt.version}: {self.client.base_url} failed: {error}") from error
        usage = payload.get("usage") or {}
        return _finish(prompt, schema, reply, started, usage.get("prompt_tokens", 0), usage.get("completion_tokens", 0))


class LocalModelChooser:
    """The local model, through the one supervised server of this CIFRA_HOME (agent.model_server).

    The time spent waiting for the server to be ready counts in the call's timeout. The server answers
    one call at a time, so a call that finds ``llm_queue`` others of this process already waiting is
    answered at once as busy rather than after its whole timeout."""

    def __init__(self, settings: Settings, server: ModelServer | None = None):
        self.settings = settings
        self.server = server or shared_server(settings)
        self._clients: dict[str, OpenAICompatibleChooser] = {}
        self._places = threading.BoundedSemaphore(settings.llm_queue + 1)  # the one being answered, and the queue

    def choose(self, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel]) -> LlmChoice:
        if not self._places.acquire(blocking=False):
            raise LlmBusy(f"{prompt.name} v{prompt.version}: {self.settings.llm_queue} model calls already waiting")
        try:
            deadline = time.monotonic() + self.settings.llm_timeout
            url = self.server.endpoint(wait=self.settings.llm_timeout)
            remaining = max(deadline - time.monotonic(), 0.5)
            client = self._clients.get(url)
            if client is None:  # a restarted server listens on a new port
                client = self._clients[url] = OpenAICompatibleChooser(
                    url, self.settings.model, timeout=self.settings.llm_timeout, response_format="json_object")
            return client.choose(prompt, variables, schema, timeout=remaining)
        finally:
            self._places.release()


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
    """The server at ``llm_url`` when set, else the local model's supervised server (started on first use)."""
    if settings.llm_url:
        return OpenAICompatibleChooser(settings.llm_url, settings.model, timeout=settings.llm_timeout)
    return LocalModelChooser(settings)


def consult(chooser: Chooser, prompt: Prompt, variables: dict[str, str], schema: type[BaseModel],
            outcome: PlanOutcome, on_model: Callable[[], None]) -> BaseModel | None:
    """The model's reply, or None when it gave none: the reason is a note on ``outcome``, and the question is
    answered by the rules alone (the next question tries the model again: its server restarts)."""
    on_model()  # the caller may say so while it waits: a model call takes seconds on a CPU
    try:
        return chooser.choose(prompt, variables, schema).value
    except ModelPreparing:
        outcome.notes.append(Note(key="model_preparing"))
    except LlmBusy:
        outcome.notes.append(Note(key="model_busy"))
    except (ModelUnavailable, LlmUnreachable) as error:
        log.warning("model unavailable: %s", error)
        outcome.notes.append(Note(key="model_unavailable"))
    except LlmFailed:
        outcome.notes.append(Note(key="model_failed"))
    finally:
        outcome.llm_calls += 1
    return None


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
