# Sourced by .ci/run. The Python export tests (PythonExportRunTest) run the exported Keras and PyTorch programs
# when they find Keras 3 and torch. Where this machine holds Python packages offline (wheels in /opt/wheels, a
# local package index under /opt/pypi), two venvs are made once and kept outside the clone, in
# ~/.cache/layercanvas-ci/venvs (LAYERCANVAS_VENVS changes it), and LAYERCANVAS_KERAS_PYTHON and
# LAYERCANVAS_TORCH_PYTHON name them. Anywhere else nothing happens and those tests are skipped.
# Nothing here fails the CI run: a venv that cannot be made is reported and left out.

layercanvas_pip_sources=()
for index in /opt/pypi/simple /opt/pypi-more/simple; do
  if [ -d "$index" ]; then
    if [ ${#layercanvas_pip_sources[@]} -eq 0 ]; then
      layercanvas_pip_sources+=(--index-url "file://$index")  # never the network
    else
      layercanvas_pip_sources+=(--extra-index-url "file://$index")
    fi
  fi
done
if [ -d /opt/wheels ]; then
  [ ${#layercanvas_pip_sources[@]} -eq 0 ] && layercanvas_pip_sources+=(--no-index)
  layercanvas_pip_sources+=(--find-links /opt/wheels)
fi

# layercanvas_venv NAME PACKAGE...: the venv NAME with the packages, made unless a finished one is cached.
layercanvas_venv() {
  local venv="$layercanvas_venvs/$1"
  shift
  if [ -f "$venv/.ready" ]; then
    echo "python venv $venv: cached"
    return 0
  fi
  rm -rf "$venv"
  local started=$SECONDS
  if python3 -m venv "$venv" >/dev/null \
      && "$venv/bin/pip" install -q --disable-pip-version-check "${layercanvas_pip_sources[@]}" "$@" >"$venv.log" 2>&1; then
    touch "$venv/.ready"
    echo "python venv $venv: made in $((SECONDS - started)) s ($*)"
  else
    echo "warning: .ci/run: could not make the python venv $venv ($*), see $venv.log; its export tests are skipped" >&2
    rm -rf "$venv"
    return 1
  fi
}

if [ ${#layercanvas_pip_sources[@]} -gt 0 ] && command -v python3 >/dev/null 2>&1 \
    && python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then
  layercanvas_venvs="${LAYERCANVAS_VENVS:-$HOME/.cache/layercanvas-ci/venvs}"
  mkdir -p "$layercanvas_venvs"
  if layercanvas_venv keras keras jax; then
    export LAYERCANVAS_KERAS_PYTHON="$layercanvas_venvs/keras/bin/python"
  fi
  if layercanvas_venv torch torch numpy; then
    export LAYERCANVAS_TORCH_PYTHON="$layercanvas_venvs/torch/bin/python"
  fi
else
  echo "no offline Python packages (/opt/wheels, /opt/pypi) or no python3 venv: the Python export tests skip"
fi
