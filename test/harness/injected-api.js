// The test host's window.api, served as /__harness/api.js and loaded by a classic <script> the host
// inserts before the renderer's module script, so it runs first. Plain browser JS on purpose: it is sent
// as is (the CSP forbids inline scripts). The host replaces the two placeholders below with JSON arrays
// built from shared/contract/, so this object always has exactly the preload's methods.
(function () {
  'use strict';
  const METHODS = /*__METHODS__*/ [];
  const EVENTS = /*__EVENTS__*/ [];
  const UNREACHABLE = Object.freeze({
    ok: false,
    error: Object.freeze({ code: 'INTERNAL', message: 'The app could not reach its services.' }),
  });

  // One stream for all listeners, opened now so it is live before the renderer subscribes.
  const stream = new EventSource('/__events');
  // Calls wait for the stream (or give up after 2 s) so an event caused by a call is never emitted
  // before the stream listens, the same ordering guarantee IPC gives the preload.
  const streamReady = new Promise(function (resolve) {
    stream.addEventListener('open', resolve, { once: true });
    stream.addEventListener('error', resolve, { once: true });
    setTimeout(resolve, 2000);
  });

  function call(name, input) {
    return streamReady
      .then(function () {
        return fetch('/__api/' + name, {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input === undefined || input === null ? {} : input),
        });
      })
      .then(function (response) {
        return response.json();
      })
      .catch(function () {
        return UNREACHABLE;
      });
  }

  function on(event, listener) {
    if (EVENTS.indexOf(event) === -1) throw new TypeError('Unknown event: ' + String(event));
    if (typeof listener !== 'function') throw new TypeError('The listener must be a function.');
    function handle(message) {
      listener(JSON.parse(message.data));
    }
    stream.addEventListener(event, handle);
    return function unsubscribe() {
      stream.removeEventListener(event, handle);
    };
  }

  const api = {};
  METHODS.forEach(function (name) {
    api[name] = function (input) {
      return call(name, input);
    };
  });
  api.on = on;

  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false, enumerable: true });
})();
