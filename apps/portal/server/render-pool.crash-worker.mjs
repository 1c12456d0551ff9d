// Test fixture for render-pool.test.ts: a render-pool worker that dies on
// request, the ways a real one can (the process exits, or an error escapes
// the render), and otherwise answers with a tiny fake PDF.
export default async function crashWorker(task) {
  if (task.kind === 'exit') process.exit(7);
  if (task.kind === 'escape') {
    setTimeout(() => {
      throw new Error('thrown outside the render');
    }, 1);
    return new Promise(() => {});
  }
  return { ok: true, bytes: new TextEncoder().encode(`%PDF-fake ${task.kind}`) };
}
