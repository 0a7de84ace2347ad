// node-polyglot's `require('object.entries')`: a polyfill whose dependencies (get-intrinsic, call-bind, define-properties…)
// weigh about 9 kB minified in the sign-in page's download; every browser the app supports has Object.entries.
module.exports = function entries(object) {
  return Object.entries(object);
};
