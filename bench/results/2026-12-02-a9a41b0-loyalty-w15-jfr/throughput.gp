set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-02-a9a41b0-loyalty-w15-jfr/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/2026-12-02-a9a41b0-loyalty-w15-jfr/raw/throughput-pgbench_w15.dat' using 1:2 with linespoints title 'pgbench_w15', 'bench/results/2026-12-02-a9a41b0-loyalty-w15-jfr/raw/throughput-W15_posting.dat' using 1:2 with linespoints title 'W15_posting'
