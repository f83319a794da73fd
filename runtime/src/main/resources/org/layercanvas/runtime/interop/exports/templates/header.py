"""{{TITLE}}: the network as a {{FRAMEWORK}} program, written by LayerCanvas.

{{DESCRIPTION}}

Usage: {{USAGE}}
"""
