set terminal pngcairo size 900,520 noenhanced
set output 'bench/results/2026-11-24-session10/throughput.png'
set logscale x 2
set logscale y 10
set xlabel 'connections'
set ylabel 'requests per second'
set key outside
set title 'requests per second against connections'
plot 'bench/results/2026-11-24-session10/raw/throughput-pgbench_w1.dat' using 1:2 with linespoints title 'pgbench_w1', 'bench/results/2026-11-24-session10/raw/throughput-http_ceiling.dat' using 1:2 with linespoints title 'http_ceiling', 'bench/results/2026-11-24-session10/raw/throughput-W1_get.dat' using 1:2 with linespoints title 'W1_get', 'bench/results/2026-11-24-session10/raw/throughput-W2_list.dat' using 1:2 with linespoints title 'W2_list', 'bench/results/2026-11-24-session10/raw/throughput-pgbench_w4.dat' using 1:2 with linespoints title 'pgbench_w4', 'bench/results/2026-11-24-session10/raw/throughput-W4_graphql_one.dat' using 1:2 with linespoints title 'W4_graphql_one', 'bench/results/2026-11-24-session10/raw/throughput-W5_graphql_page50.dat' using 1:2 with linespoints title 'W5_graphql_page50', 'bench/results/2026-11-24-session10/raw/throughput-pgbench_w3.dat' using 1:2 with linespoints title 'pgbench_w3', 'bench/results/2026-11-24-session10/raw/throughput-W3_create.dat' using 1:2 with linespoints title 'W3_create'
