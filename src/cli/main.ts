/** CLI entry: `lifecircle check | coverage | build-network`. */
export async function main(argv: string[]): Promise<number> {
  process.stdout.write(`lifecircle: not wired yet (${argv.join(' ')})\n`);
  return 0;
}
