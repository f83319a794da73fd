#!/usr/bin/env bash
# On a machine with a supported NVIDIA GPU (compute capability 3.7-8.9, a driver for CUDA 11.6 or newer):
# builds the GPU variant, lists the devices, and trains the digits, MNIST and CIFAR-10 samples on the GPU and on
# the CPU, printing samples/s and test accuracy side by side.
#
#   scripts/gpu-smoke.sh            uses an installed CUDA 11.6 runtime
#   scripts/gpu-smoke.sh --redist   bundles the CUDA runtime (downloads about 1.8 GB once)
#   EPOCHS=3 scripts/gpu-smoke.sh   epochs per run (default 2)
#
# MNIST (11 MB) and CIFAR-10 (163 MB) are downloaded on first use into the cache folder. Afterwards, build
# without -Pcuda again (./mvnw -B -DskipTests package) to get the normal CPU build back.
set -euo pipefail
cd "$(dirname "$0")/.."

profiles="-Pcuda"
[ "${1:-}" = "--redist" ] && profiles="-Pcuda,cuda-redist"
epochs="${EPOCHS:-2}"

echo "== building the GPU variant ($profiles)"
./mvnw -B -q $profiles -DskipTests package
app_jar=$(ls app/target/layercanvas-app-*.jar | head -n 1)
lc() { java -cp "$app_jar:$(cat app/target/classpath.txt)" org.layercanvas.app.Launcher "$@"; }

echo "== devices"
lc devices
if ! lc devices --json | grep -q '"auto":"gpu'; then
  echo "error: gpu-smoke: no usable GPU on this machine (see the reasons above)" >&2
  exit 3
fi

field() { sed -n "s/.*\"$1\":\([0-9.eE+-]*\).*/\1/p"; }
printf '\n%-14s %14s %14s %8s   %9s %9s\n' sample "GPU samples/s" "CPU samples/s" "GPU/CPU" "GPU acc" "CPU acc"
for sample in digits-mlp mnist-mlp cifar10-cnn; do
  gpu=$(lc train "sample:$sample" --device gpu --epochs "$epochs" --quiet --json | tail -n 1)
  cpu=$(lc train "sample:$sample" --device cpu --epochs "$epochs" --quiet --json | tail -n 1)
  gs=$(echo "$gpu" | field samplesPerSecond); cs=$(echo "$cpu" | field samplesPerSecond)
  ga=$(echo "$gpu" | field testAccuracy); ca=$(echo "$cpu" | field testAccuracy)
  device=$(echo "$gpu" | sed -n 's/.*"device":"\([a-z]*\)".*/\1/p')
  [ "$device" = "gpu" ] || { echo "error: gpu-smoke: $sample did not train on the GPU: $gpu" >&2; exit 3; }
  awk -v s="$sample" -v gs="$gs" -v cs="$cs" -v ga="$ga" -v ca="$ca" \
    'BEGIN { printf "%-14s %14.0f %14.0f %8.2f   %9.4f %9.4f\n", s, gs, cs, gs / cs, ga, ca }'
done
