set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-01-26cac8a-w4w5/p99.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'p99 latency (ms)'
set key outside
set title 'p99 latency (ms) against connections'
plot 'bench/results/2026-12-01-26cac8a-w4w5/raw/p99-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-12-01-26cac8a-w4w5/raw/p99-W4_graphql_one.dat' using 1:2 with linespoints title 'W4_graphql_one', 'bench/results/2026-12-01-26cac8a-w4w5/raw/p99-W5_graphql_page50.dat' using 1:2 with linespoints title 'W5_graphql_page50'
