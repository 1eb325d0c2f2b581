"""Docs that cannot drift: every setting is in the README, every catalog module in the architecture doc."""


from cifra.settings import REPO_ROOT, Settings


def test_every_setting_is_documented_in_the_readme():
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in Settings.model_fields if f"`CIFRA_{name.upper()}`" not in readme]
    assert missing == []


def test_every_catalog_module_is_in_the_architecture_doc():
    doc = (REPO_ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    modules = [path for path in (REPO_ROOT / "catalog").rglob("*.py") if path.name != "__init__.py"]
    missing = [str(path.relative_to(REPO_ROOT)) for path in modules
               if f"`{path.relative_to(REPO_ROOT).as_posix()}`" not in doc]
    assert missing == []


def test_readme_test_command_is_what_ci_runs():
    ci = (REPO_ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    assert "bash scripts/test.sh" in readme and "bash scripts/test.sh" in ci
