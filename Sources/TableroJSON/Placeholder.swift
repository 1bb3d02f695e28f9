public enum TableroJSONPlaceholder {}
