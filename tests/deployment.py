"""Checks of a rendered project's deployment files, with real validators and no Docker engine.

The Dockerfile is linted by hadolint, and its build and start commands run outside a
container; compose files validate against the Compose specification and docker compose's own
model; Kubernetes overlays build with kustomize, validate against the Kubernetes schemas and
meet a policy; CI workflows pass actionlint or the GitLab CI schema.
"""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from .project import Project, free_port, get, running

# The validators are installed in the template's own environment (see pyproject.toml).
TOOLS = Path(sys.executable).parent
DEPLOYMENT_FILES = {
    "docker": ["Dockerfile", ".dockerignore", "compose.yaml", "compose.dev.yaml"],
    "kubernetes": ["k8s/base/kustomization.yaml", "k8s/overlays/dev", "k8s/overlays/prod"],
    "metrics": [
        "observability/prometheus.yml",
        "observability/grafana/dashboards/service.json",
        "observability/grafana/provisioning/datasources/prometheus.yml",
    ],
}
# What `docker compose --profile NAME up` adds beside the service, for the answer of that name.
PROFILES = {"metrics": {"prometheus", "grafana"}, "tracing": {"jaeger"}}
CI_FILES = {"github": ".github/workflows/ci.yml", "gitlab": ".gitlab-ci.yml"}
# The image's user, which the Kubernetes pods must run as too.
APP_UID = 10001


def tool(name: str) -> str:
    return str(TOOLS / name)


def expected_backing_services(answers: dict[str, Any]) -> set[str]:
    """The servers a service needs beside it, named as compose and CI name them."""
    services = {"postgresql": {"postgres"}, "mysql": {"mysql"}}.get(answers["database"], set())
    if answers["celery"] != "none" or answers["cache"]:
        services.add("redis")
    if answers["celery"] == "rabbitmq":
        services.add("rabbitmq")
    return services


def expected_workloads(answers: dict[str, Any]) -> set[str]:
    """The processes the service runs as: the API, its migrations and the Celery worker and beat."""
    workloads = {"api"}
    if answers["database"] != "none":
        workloads.add("migrate")
    if answers["celery"] != "none":
        workloads |= {"worker", "beat"}
    return workloads


def check_files_follow_answers(project: Project, answers: dict[str, Any]) -> None:
    """Deployment files exist exactly when their answer asks for them."""
    for question, paths in DEPLOYMENT_FILES.items():
        for path in paths:
            assert (project.path / path).exists() == answers.get(question, False), (question, path)
    for provider, path in CI_FILES.items():
        assert (project.path / path).exists() == (answers["ci"] == provider), path
    assert (project.path / "uv.lock").is_file(), "the post-copy task writes uv.lock"


def check_deployment(project: Project, answers: dict[str, Any]) -> None:
    """Every check of the deployment files the answers call for, by their validators. The
    image check, which starts the service, is `run_image_outside_container`."""
    check_files_follow_answers(project, answers)
    if answers["docker"]:
        with project.step("docker"):
            check_dockerfile(project, answers)
            check_compose(project, answers)
    if answers["kubernetes"]:
        with project.step("kubernetes"):
            check_kubernetes(project, answers)
    if answers["ci"] != "none":
        with project.step("ci"):
            check_ci(project, answers)


# Docker and compose


def check_dockerfile(project: Project, answers: dict[str, Any]) -> None:
    project.run("docker", tool("hadolint"), "--no-color", "Dockerfile")
    stages = parse_dockerfile(project.path / "Dockerfile")
    base = f"python:{answers['python_version']}-slim-bookworm"
    assert [stage.base for stage in stages] == [base, base], "both stages on the chosen Python"
    runtime = stages[-1]
    assert runtime.user == f"{APP_UID}:{APP_UID}", "the runtime runs as the unprivileged user"
    assert runtime.cmd is not None, "CMD in exec form"
    assert runtime.cmd[0] == answers["project_slug"], "the service's own entry point"
    assert runtime.healthcheck, "the image checks its liveness"


def compose_config(project: Project, *files: str, profile: str = "") -> dict[str, Any]:
    """The compose model as docker compose resolves it (anchors, merges, interpolation)."""
    passwords = {"DATABASE_PASSWORD": "compose-check", "RABBITMQ_PASSWORD": "compose-check"}
    arguments = [argument for file in files for argument in ("-f", file)]
    arguments += ["--profile", profile] if profile else []
    output = project.run(
        "docker", tool("docker-compose"), *arguments, "config", "--format", "json", env=passwords
    )
    config: dict[str, Any] = json.loads(output)
    return config


def check_compose(project: Project, answers: dict[str, Any]) -> None:
    project.run(
        "docker",
        tool("check-jsonschema"),
        "--builtin-schema",
        "vendor.compose-spec",
        "compose.yaml",
        "compose.dev.yaml",
    )
    compose_config(project, "compose.yaml", "compose.dev.yaml")  # the override merges cleanly
    services = compose_config(project, "compose.yaml")["services"]

    expected = expected_workloads(answers) | expected_backing_services(answers)
    assert set(services) == expected, "exactly the services the answers need"

    for name, service in services.items():
        for setting, value in (service.get("environment") or {}).items():
            host = urlsplit(value).hostname if value and "://" in value else None
            assert host is None or host in services, f"{name}: {setting} points at {host}"
        for needed, condition in (service.get("depends_on") or {}).items():
            assert needed in services, f"{name} waits for {needed}, which is not a service"
            if condition["condition"] == "service_healthy":
                assert "healthcheck" in services[needed], f"{needed} needs a health check"
    if "migrate" in services:
        waits = services["api"]["depends_on"]["migrate"]["condition"]
        assert waits == "service_completed_successfully", "the API starts after migrations"

    for profile, expected_services in PROFILES.items():
        profiled = compose_config(project, "compose.yaml", profile=profile)["services"]
        added = set(profiled) - set(services)
        wanted = expected_services if answers.get(profile) else set()
        assert added == wanted, f"the {profile} profile"
        for name in added:
            for volume in profiled[name].get("volumes", []):
                if volume["type"] == "bind":
                    assert Path(volume["source"]).exists(), f"{name} mounts {volume['source']}"
            for port in profiled[name]["ports"]:
                assert port["host_ip"] == "127.0.0.1", f"{name} listens on loopback only"


@dataclass
class Stage:
    base: str
    instructions: list[tuple[str, str]] = field(default_factory=list)
    user: str | None = None
    cmd: list[str] | None = None
    healthcheck: list[str] | None = None


def parse_dockerfile(path: Path) -> list[Stage]:
    """The stages of a Dockerfile, each with its instructions (continuations joined)."""
    lines: list[str] = []
    pending = ""
    for raw in path.read_text().splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        lines.append(pending + line)
        pending = ""
    stages: list[Stage] = []
    for line in lines:
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stages.append(Stage(base=rest.split()[0]))
            continue
        stage = stages[-1]
        stage.instructions.append((keyword, rest))
        if keyword == "USER":
            stage.user = rest
        elif keyword == "CMD":
            stage.cmd = json.loads(rest)
        elif keyword == "HEALTHCHECK":
            stage.healthcheck = json.loads(rest[rest.index("CMD ") + 4 :])
    return stages


def dockerignore(project: Path) -> list[str]:
    lines = (project / ".dockerignore").read_text().splitlines()
    return [line.strip().rstrip("/") for line in lines if line.strip() and not line.startswith("#")]


def copy_build_context(project: Path, destination: Path) -> None:
    """The files `docker build` would send: everything .dockerignore leaves in."""
    patterns = dockerignore(project)
    for source in project.rglob("*"):
        relative = source.relative_to(project).as_posix()
        parts = relative.split("/")
        prefixes = ["/".join(parts[: i + 1]) for i in range(len(parts))]
        ignored = any(
            fnmatch(prefix, pattern) or fnmatch(prefix, pattern.removeprefix("**/"))
            or fnmatch(part, pattern.removeprefix("**/"))
            for pattern in patterns
            for prefix, part in zip(prefixes, parts, strict=True)
        )  # fmt: skip
        if ignored or not source.is_file():
            continue
        target = destination / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)


def environment_of(instructions: list[tuple[str, str]], app: Path) -> dict[str, str]:
    """ENV instructions as a dict, with the image's /app standing for `app`."""
    env: dict[str, str] = {}
    for keyword, rest in instructions:
        if keyword == "ENV":
            for pair in shlex.split(rest):
                name, _, value = pair.partition("=")
                env[name] = value.replace("/app", str(app))
    return env


@contextmanager
def bind_mounts(command: str, context: Path, app: Path) -> Iterator[str]:
    """Strip RUN's --mount options; bind mounts become copies for the command's duration."""
    words = shlex.split(command)
    mounted = []
    while words and words[0].startswith("--mount="):
        options = dict(item.split("=", 1) for item in words.pop(0)[8:].split(","))
        if options.get("type") == "bind":
            target = app / options["target"]
            shutil.copy2(context / options["source"], target)
            mounted.append(target)
    try:
        yield shlex.join(words)
    finally:
        for target in mounted:
            target.unlink()


def run_image_outside_container(
    project: Project, answers: dict[str, Any], env: dict[str, str]
) -> None:
    """Run the Dockerfile's install and start commands in a fresh directory standing for /app.

    The build stage's RUN commands install the project; then everything the runtime stage
    does not copy is removed, and its CMD must serve liveness, which its HEALTHCHECK checks.
    Commands that set up the operating system (users, ownership) are the runtime stage's
    RUNs and need a container; they are not run here.
    """
    build, runtime = parse_dockerfile(project.path / "Dockerfile")
    root = project.path.parent / f"{project.path.name}-image"
    shutil.rmtree(root, ignore_errors=True)
    context, app = root / "context", root / "app"
    copy_build_context(project.path, context)
    app.mkdir()
    build_env = environment_of(build.instructions, app)
    for keyword, rest in build.instructions:
        if keyword == "WORKDIR":
            assert rest == "/app", "the image's paths are relative to /app"
        elif keyword == "COPY" and rest.split() == [".", "."]:
            shutil.copytree(context, app, dirs_exist_ok=True)
        elif keyword == "RUN":
            with bind_mounts(rest, context, app) as command:
                project.run("image", "sh", "-c", command, cwd=app, env=build_env)

    # The runtime image holds the environment and what it copies from the build context.
    for entry in app.iterdir():
        if entry.name != ".venv":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for keyword, rest in runtime.instructions:
        words = [word for word in rest.split() if not word.startswith("--")]
        if keyword == "COPY" and len(words) == 2 and not rest.startswith("--from"):
            source, target = context / words[0], app / words[0]
            copier = shutil.copytree if source.is_dir() else shutil.copy2
            copier(source, target)

    runtime_env = environment_of(runtime.instructions, app)
    runtime_env["PATH"] = runtime_env["PATH"].replace("$PATH", project.env["PATH"])
    port = free_port()
    server_env = project.env | runtime_env | env | {"HOST": "127.0.0.1", "PORT": str(port)}
    if answers["auth"] == "jwt":
        server_env["JWT_SECRET"] = "image-check-" + "x" * 40
    assert runtime.cmd is not None
    assert runtime.healthcheck is not None
    live = f"http://127.0.0.1:{port}/health/live"
    with running(runtime.cmd, cwd=app, env=server_env, log=root / "server.log", ready_url=live):
        status, body = get(live)
        assert status == 200, body
        health = subprocess.run(runtime.healthcheck, cwd=app, env=server_env, timeout=10)
        assert health.returncode == 0, "the image's HEALTHCHECK passes against the server"
    shutil.rmtree(root, ignore_errors=True)


# Kubernetes

WORKLOADS = {"Deployment", "Job", "StatefulSet", "DaemonSet"}


def check_kubernetes(project: Project, answers: dict[str, Any]) -> None:
    manifests = project.path.parent / f"{project.path.name}-manifests"
    manifests.mkdir(exist_ok=True)
    for overlay, tag in (("dev", "dev"), ("prod", "0.1.0")):
        built = project.run("kubernetes", tool("kubectl"), "kustomize", f"k8s/overlays/{overlay}")
        path = manifests / f"{overlay}.yaml"
        path.write_text(built)
        project.run("kubernetes", tool("kubernetes-validate"), "--strict", "--quiet", str(path))
        check_policy(list(yaml.safe_load_all(built)), answers, overlay, tag)
    secret = project.path / "k8s" / "secret.example.yaml"
    if secret.exists():
        project.run("kubernetes", tool("kubernetes-validate"), "--strict", "--quiet", str(secret))
        for value in yaml.safe_load(secret.read_text())["stringData"].values():
            assert value in {"", "{}"}, "the Secret template holds no secret"
    shutil.rmtree(manifests)


def check_policy(
    objects: list[dict[str, Any]], answers: dict[str, Any], overlay: str, tag: str
) -> None:
    """What every container must have, and what the answers say must run."""
    slug = answers["project_slug"]
    namespace = slug if overlay == "prod" else f"{slug}-dev"
    by_kind: dict[str, list[dict[str, Any]]] = {}
    for item in objects:
        by_kind.setdefault(item["kind"], []).append(item)
        assert item["metadata"].get("namespace") == namespace, item["metadata"]["name"]

    components = {
        item["metadata"]["labels"]["app.kubernetes.io/component"]: item
        for item in objects
        if item["kind"] in WORKLOADS
    }
    assert set(components) == expected_workloads(answers), "the workloads the answers need"
    kinds = ("Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ConfigMap")
    for kind in kinds:
        assert kind in by_kind, f"{kind} is missing"

    for component, workload in components.items():
        pod = workload["spec"]["template"]["spec"]
        assert pod["securityContext"]["runAsNonRoot"] is True, component
        assert pod["securityContext"]["runAsUser"] == APP_UID, component
        for container in pod["containers"]:
            where = f"{overlay}/{component}/{container['name']}"
            image = container["image"]
            assert image.rsplit("/", 1)[-1].count(":") == 1, f"{where}: {image} has no tag"
            assert image.endswith(f":{tag}"), f"{where}: {image} is not the overlay's tag"
            resources = container["resources"]
            assert {"cpu", "memory"} <= set(resources["requests"]), where
            assert "memory" in resources["limits"], where
            security = container["securityContext"]
            assert security["readOnlyRootFilesystem"] is True, where
            assert security["allowPrivilegeEscalation"] is False, where
            if workload["kind"] == "Deployment":
                for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
                    assert probe in container, f"{where}: no {probe}"

    api = components["api"]["spec"]["template"]["spec"]["containers"][0]
    assert api["livenessProbe"]["httpGet"]["path"] == "/health/live"
    assert api["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    api_labels = components["api"]["spec"]["template"]["metadata"]["labels"]
    for kind in ("Service", "PodDisruptionBudget"):
        spec = by_kind[kind][0]["spec"]
        selector = spec["selector"].get("matchLabels", spec["selector"])
        assert selector.items() <= api_labels.items(), f"the {kind} selects the API pods"
    scaled = by_kind["HorizontalPodAutoscaler"][0]["spec"]["scaleTargetRef"]["name"]
    assert scaled == components["api"]["metadata"]["name"], "the autoscaler scales the API"
    annotations = components["api"]["spec"]["template"]["metadata"].get("annotations", {})
    scraped = {
        "prometheus.io/scrape": "true",
        "prometheus.io/port": str(api["ports"][0]["containerPort"]),
        "prometheus.io/path": "/metrics",
    }
    assert annotations == (scraped if answers.get("metrics") else {}), (
        "Prometheus finds the API pods"
    )
    if "worker" in components:
        worker = components["worker"]["spec"]["template"]["metadata"].get("annotations", {})
        task_metrics = {"prometheus.io/scrape": "true", "prometheus.io/port": "9808"}
        assert worker == (task_metrics if answers.get("metrics") else {}), "and the worker's"


# CI


def check_ci(project: Project, answers: dict[str, Any]) -> None:
    path = project.path / CI_FILES[answers["ci"]]
    workflow = yaml.safe_load(path.read_text())
    if answers["ci"] == "github":
        project.run("ci", tool("actionlint"), "-no-color", str(path.relative_to(project.path)))
        # Offline: every finding, pins to commits included, is checked without the network.
        project.run("ci", tool("zizmor"), "--offline", "--no-progress", ".github")
        dependabot = project.path / ".github" / "dependabot.yml"
        project.run(
            "ci", tool("check-jsonschema"), "--builtin-schema", "vendor.dependabot", str(dependabot)
        )
        audit_steps = [step.get("run") for step in workflow["jobs"]["audit"]["steps"]]
        assert "uv audit --locked" in audit_steps, "the locked dependencies audited"
        check = workflow["jobs"]["check"]
        services = set(check.get("services", {}))
        setup_uv = next(step for step in check["steps"] if "setup-uv" in step.get("uses", ""))
        assert setup_uv["with"]["python-version"] == answers["python_version"]
        assert ("image" in workflow["jobs"]) == answers["docker"], "an image build with docker"
    else:
        project.run(
            "ci",
            tool("check-jsonschema"),
            "--builtin-schema",
            "vendor.gitlab-ci",
            "--data-transform",
            "gitlab-ci",
            str(path),
        )
        assert workflow["audit"]["script"] == ["uv audit --locked"]
        check = workflow["check"]
        services = {service["alias"] for service in check.get("services", [])}
        assert check["image"].endswith(f":python{answers['python_version']}-bookworm-slim")
        assert ("build-image" in workflow) == answers["docker"], "an image build with docker"
    assert services == expected_backing_services(answers), "service containers for exactly these"
