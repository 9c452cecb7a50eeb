"""网格员工作台 GridWorker: an offline-first desktop app for community micro-grid workers."""

__version__ = "0.1.0"
