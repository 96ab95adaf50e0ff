"""The benchmark (``make bench``): realistic data made with the portal's own models, the portal
served with production settings under gunicorn next to a bare Django view, and a table of each
main page's latency and throughput against the bare view's. Not part of the portal."""
