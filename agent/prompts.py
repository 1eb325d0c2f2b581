"""Prompts live as versioned YAML in prompts/, so they are reviewed like code and every call can log its version."""

from functools import cache
from pathlib import Path
from string import Formatter

import yaml
from pydantic import BaseModel, ConfigDict

import prompts

PROMPTS_DIR = Path(prompts.__file__).parent


class Example(BaseModel):
    """A few-shot turn: variables for the user template and the reply the model should give."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    variables: dict[str, str]
    reply: str


class Prompt(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    version: int
    description: str
    system: str
    user: str
    examples: tuple[Example, ...] = ()

    @property
    def placeholders(self) -> set[str]:
        return {field for _, field, _, _ in Formatter().parse(self.user) if field}

    def render(self, variables: dict[str, str]) -> str:
        missing = self.placeholders - variables.keys()
        if missing:
            raise ValueError(f"prompt {self.name!r} v{self.version} needs {sorted(missing)}")
        return self.user.format_map(variables)

    def messages(self, variables: dict[str, str]) -> list[dict[str, str]]:
        """Chat messages; system and examples come first and never vary, so the model's KV cache reuses them."""
        messages = [{"role": "system", "content": self.system}]
        for example in self.examples:
            messages.append({"role": "user", "content": self.render(example.variables)})
            messages.append({"role": "assistant", "content": example.reply})
        messages.append({"role": "user", "content": self.render(variables)})
        return messages


@cache
def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    """The prompt in ``directory/<name>.yaml``; its ``name`` field must match the file name."""
    path = directory / f"{name}.yaml"
    prompt = Prompt.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    if prompt.name != name:
        raise ValueError(f"{path} declares name {prompt.name!r}")
    return prompt
