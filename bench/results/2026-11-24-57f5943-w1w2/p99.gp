set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-11-24-57f5943-w1w2/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/2026-11-24-57f5943-w1w2/raw/p99-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-11-24-57f5943-w1w2/raw/p99-W1_get.dat' using 1:2 with linespoints title 'W1_get', 'bench/results/2026-11-24-57f5943-w1w2/raw/p99-W2_list.dat' using 1:2 with linespoints title 'W2_list'
