// @anklepump/web is the patient app and the clinician portal, built by Vite into dist/ and served
// by the server; no other package imports its code (`./testing` holds the browser-test hooks).
export {};
