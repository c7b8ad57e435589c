/** The benchmark's floor routes exist only when the server was started for `npm run bench`. */
export const benchRoutesEnabled = () => process.env.PROFILEHUB_BENCH_ROUTES === "1";

export const notFound = () => new Response("Not found", { status: 404 });
