public enum TableroTerminalPlaceholder {}
