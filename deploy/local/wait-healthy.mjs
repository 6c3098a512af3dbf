// Polls an h2c endpoint's /healthz until it answers 200, or gives up after a deadline.
// Usage: node wait-healthy.mjs http://127.0.0.1:5101 [seconds]
import http2 from "node:http2";

const [address, seconds = "90"] = process.argv.slice(2);
const deadline = Date.now() + Number(seconds) * 1000;

function probe() {
  return new Promise((resolve) => {
    const session = http2.connect(address);
    session.on("error", () => resolve(false));
    const request = session.request({ ":path": "/healthz" });
    request.setTimeout(2000, () => { request.close(); resolve(false); });
    request.on("response", (headers) => resolve(headers[":status"] === 200));
    request.on("error", () => resolve(false));
    request.resume();
    request.on("close", () => session.close());
  });
}

while (Date.now() < deadline) {
  if (await probe()) {
    process.exit(0);
  }
  await new Promise((r) => setTimeout(r, 250));
}
console.error(`${address} was not healthy after ${seconds} s`);
process.exit(1);
