#!/usr/bin/env bash
# Runs both epoch-time benchmarks one after the other: Debian's python3-torch (default OpenMP
# settings, then OMP_WAIT_POLICY=PASSIVE) and Reliance's TrainBench. Extra args go to both.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# $1: an extra VAR=value for python's environment, or "".
py() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE ${1:+"$1"} /usr/bin/python3 bench/torch_epoch.py "${@:2}"; }
echo "### python3-torch, default OpenMP settings"; py "" "$@"
echo "### python3-torch, OMP_WAIT_POLICY=PASSIVE"; py OMP_WAIT_POLICY=PASSIVE "$@"
echo "### Reliance TrainBench"
mvn -q -o package -DskipTests
OPT_OUT_TRACKING=true java -Dai.djl.offline=true -cp "target/reliance.jar:target/lib/*" \
  dev.reliance.bench.TrainBench "$@"
