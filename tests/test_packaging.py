"""An installed Cifra (a wheel, not the checkout) carries everything it reads at run time."""

import subprocess
import sys
import zipfile

from cifra.settings import REPO_ROOT


def test_the_wheel_holds_prompts_metadata_and_messages(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path),
                    str(REPO_ROOT)], check=True, capture_output=True)
    wheel = next(tmp_path.glob("cifra-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    assert {"prompts/choose_indicator.yaml", "agent/messages.yaml", "agent/lexicon.yaml",
            "agent/model_server.py", "eval/questions.yaml"} <= names
    assert any(name.startswith("catalog/metadata/indicators/") for name in names)

    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    code = ("from agent.prompts import load_prompt, PROMPTS_DIR; p = load_prompt('choose_indicator'); "
            "print(PROMPTS_DIR, p.name)")
    result = subprocess.run([sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(site)!r}); {code}"],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [str(site / "prompts"), "choose_indicator"]
