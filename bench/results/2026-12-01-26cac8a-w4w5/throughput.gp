set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-12-01-26cac8a-w4w5/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/2026-12-01-26cac8a-w4w5/raw/throughput-pgbench_w1.dat' using 1:2 with linespoints title 'pgbench_w1', 'bench/results/2026-12-01-26cac8a-w4w5/raw/throughput-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-12-01-26cac8a-w4w5/raw/throughput-pgbench_w4.dat' using 1:2 with linespoints title 'pgbench_w4', 'bench/results/2026-12-01-26cac8a-w4w5/raw/throughput-W4_graphql_one.dat' using 1:2 with linespoints title 'W4_graphql_one', 'bench/results/2026-12-01-26cac8a-w4w5/raw/throughput-W5_graphql_page50.dat' using 1:2 with linespoints title 'W5_graphql_page50'
