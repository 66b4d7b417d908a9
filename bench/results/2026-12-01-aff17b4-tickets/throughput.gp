set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-01-aff17b4-tickets/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/2026-12-01-aff17b4-tickets/raw/throughput-pgbench_w10.dat' using 1:2 with linespoints title 'pgbench_w10', 'bench/results/2026-12-01-aff17b4-tickets/raw/throughput-W10_ticket.dat' using 1:2 with linespoints title 'W10_ticket'
