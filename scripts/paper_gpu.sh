#!/bin/bash
# The `paper` profile on one GPU, stage by stage, as `klcritical` commands.
# Each stage stops itself before LIMIT seconds (default 540: a lent GPU machine allows 10 minutes per command) and
# resumes where it stopped when run again: pre-training from its last checkpoint (every 1,000 steps at `paper`),
# RL runs from their last evaluation. A stage prints "finished" or "not finished: run this stage again".
#
#   scripts/paper_gpu.sh pretrain        # N = 7 (85M parameters), 2,500 steps: about 4 minutes of training on an H100
#                                        # (measured before `paper` compiled; it now trains with torch.compile, fused AdamW and a
#                                        # resume state every 3 minutes, not yet measured; it prints its MFU against the matmul
#                                        # peak measured in the same run and how many steps 10 minutes hold;
#                                        # OVERRIDES='{"pretrain__compile": false}' trains uncompiled)
#   scripts/paper_gpu.sh tables          # Tables 4-5 row N (greedy, n = 1,000) and sampled success at T = 2, the sharpness probe
#   scripts/paper_gpu.sh critical        # Table 1 (certainty gap over the authors' critical tokens)
#   scripts/paper_gpu.sh rl              # Fig. 4: standard, prioritized and no KL at once on the GPU, SEEDS seeds
#   scripts/paper_gpu.sh window          # all of the above in one deadline-driven call on a bare machine (`klcritical window`):
#                                        # measure the rates, plan, pre-train RECIPE (wd0.1 | wd0) at N, Table 1, Tables 4-5,
#                                        # Fig. 4 until LIMIT seconds; results (8 small files) in $WOUT/<recipe>_N<N>_seed<SEED>/
#   scripts/paper_gpu.sh regime          # regime-map cells (configs/regime/cells.toml, the cpu profile's settings, N = 3) on the GPU:
#                                        # CELLS (default: the two 11M cells at 3x, 3,900 steps each, which need about 4 hours
#                                        # each on the 2-core CPU); each cell trains (resumable), is evaluated as the map's cells are
#                                        # (n = 1,000 at 3 and 4 digits, greedy and T = 1), and comes back as $WOUT/<cell>.tar.gz.part-*
#                                        # (weights included, snapshots and resume state not; 15 MiB parts):
#                                        #   cat <cell>.tar.gz.part-* | tar -xz -C outputs/cpu/regime/   then notebook 06 with cell none
#
# On a lent GPU machine (bare: no fastcore there; scripts/wheels/ holds its wheel), e.g. with the device tool:
#   RECIPE=wd0 SEED=0 LIMIT=540 WOUT=$OUT scripts/paper_gpu.sh window
#
# Environment: PROFILE (paper; `tiny` tests every stage on a CPU in a minute), N (7), SEEDS (1), LIMIT (540),
# OUT (outputs/$PROFILE), OVERRIDES (JSON profile settings for `pretrain`, e.g. '{"pretrain__steps": 25000}' for the
# regime map's longer pre-training; a model of another recipe is trained beside the existing one, never over it, and
# `pretrain` prints where: pass that as CK to the later stages). Every command is also a line of outputs/paper/COMMAND.sh.
# The window stage also reads RECIPE (wd0.1), SEED (0), WOUT (outputs/$PROFILE/window) and WINDOW_FLAGS (more flags).
# The regime stage reads CELLS, WOUT (outputs/$PROFILE/regime), RWORK (/tmp/klcritical-regime) and NEVAL (1,000 per length).
set -uo pipefail
if ! python3 -c "import fastcore" 2>/dev/null; then    # a lent GPU's image has torch and transformers but no fastcore:
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/klcritical-site \
    scripts/wheels/*.whl && export PYTHONPATH=/tmp/klcritical-site${PYTHONPATH:+:$PYTHONPATH}   # its wheel travels with the tree
fi
export PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH} PYTHONUNBUFFERED=1
stage=${1:?usage: scripts/paper_gpu.sh pretrain|tables|critical|rl|window|regime}
P=${PROFILE:-paper}; N=${N:-7}; SEEDS=${SEEDS:-1}; LIMIT=${LIMIT:-540}; OUT=${OUT:-outputs/$P}
CK=${CK:-$OUT/checkpoints/N$N}; K=klcritical; command -v $K >/dev/null || K="python3 -m klcritical"
t_end=$(( $(date +%s) + LIMIT ))
left() { echo $(( t_end - $(date +%s) > 1 ? t_end - $(date +%s) : 1 )); }
run() { timeout "$(left)" "$@"; local rc=$?; [ $rc -eq 124 ] && { echo "not finished: run this stage again"; exit 3; }; [ $rc -ne 0 ] && exit $rc; return 0; }
case $stage in
  pretrain) run $K pretrain "$CK" --profile "$P" --n "$N" --overrides "${OVERRIDES:-{\}}" ;;
  tables)
    mkdir -p "$OUT/pretrain"
    for kind in identical varying; do
      run $K evaluate "$CK" --lengths "[$N, $((N+1)), $((N+2)), $((N+3))]" --kind $kind --n 1000 --out "$OUT/pretrain/N${N}_${kind}.csv"
      run $K evaluate "$CK" --lengths "[$N, $((N+1))]" --kind $kind --n 1000 --temperature 2 --out "$OUT/pretrain/N${N}_${kind}_T2.csv"
    done
    run $K sharpness "$CK" --out "$OUT/pretrain/N${N}_sharpness.csv" ;;
  critical) mkdir -p "$OUT/critical_tokens"; run $K critical-tokens "$CK" --out "$OUT/critical_tokens/table1_N$N.csv" ;;
  rl)
    pids=()
    for s in $(seq 0 $((SEEDS - 1))); do
      for arm in "standard_KL 0 -" "prioritized_KL 150 -" "no_KL 0 0.0"; do     # name, beta, c_KL (-: the profile's)
        set -- $arm; over='{}'; [ "$3" != - ] && over="{\"rl__c_kl\": $3}"
        timeout "$(left)" $K rl "$CK" "$OUT/rl/fig4/${1}_seed$s" --profile "$P" --beta "$2" --overrides "$over" --seed "$s" --quiet &
        pids+=($!)
      done
    done
    rc=0; for pid in "${pids[@]}"; do wait "$pid" || rc=$?; done
    [ $rc -eq 124 ] && { echo "not finished: run this stage again"; exit 3; }; [ $rc -ne 0 ] && exit $rc ;;
  window)   # deadline-driven: it plans its own stages to end inside LIMIT, so no outer timeout cuts it
    W=${WOUT:-$OUT/window}; name=${RECIPE:-wd0.1}_N${N}_seed${SEED:-0}
    $K window --profile "$P" --recipe "${RECIPE:-wd0.1}" --n "$N" --seed "${SEED:-0}" --budget "$LIMIT" --out "$W/$name" ${WINDOW_FLAGS:-} || exit $? ;;
  regime)   # work in RWORK (not under $WOUT: only the packed parts go back); a cut call leaves the resume state there for the next
            # call on the same machine (lost when the machine goes back: pre-training checkpoints every 260 steps at cpu)
    W=${WOUT:-$OUT/regime}; RW=${RWORK:-/tmp/klcritical-regime}; mkdir -p "$W" "$RW"
    RP=cpu; RN=3; [ "$P" = tiny ] && { RP=tiny; RN=2; }; N=$RN     # the map's cells are cpu-profile runs; tiny rehearses them in a minute
    for cell in ${CELLS:-p0.1_nowd_xl_3x p0_nowd_xl_3x}; do
      d=$RW/$cell
      run $K pretrain "$d" --profile $RP --n $RN --cell "$cell" --quiet
      for T in 0 1; do                                     # (a finished cell's evaluations are kept from an earlier call)
        f=$d/eval_greedy.csv; [ $T = 1 ] && f=$d/eval_sampled_T1.csv
        [ -s "$f" ] || run $K evaluate "$d" --lengths "[$RN, $((RN+1))]" --n ${NEVAL:-1000} --temperature $T --out "$f"
      done
      rm -f "$W/$cell.tar.gz.part-"* "$RW/$cell.tar.gz.part-"*   # packed beside the work, checked, then moved: no half archive comes back
      tar -C "$RW" --exclude "$cell/snapshots" --exclude "$cell/resume" -czf - "$cell" | split -b 15M - "$RW/$cell.tar.gz.part-"
      [ "${PIPESTATUS[0]}${PIPESTATUS[1]}" = 00 ] || { echo "$cell: packing failed" >&2; exit 1; }
      mv "$RW/$cell.tar.gz.part-"* "$W/"
      echo "$cell: finished, $(ls "$W/$cell.tar.gz.part-"* | wc -l) parts in $W"
    done
    n=$(ls "$W" | wc -l); [ "$n" -gt 8 ] && echo "warning: $n files in $W; a lent GPU brings back at most 8: run fewer CELLS per call" >&2
    ;;
  *) echo "unknown stage $stage: pretrain | tables | critical | rl | window | regime"; exit 2 ;;
esac
echo "finished: $stage ($P, N = $N)"
