/* Embeds the default indicator table (data/indicators.tsv) in the plugin, so it works from any
   install path. Symbols: number_extract_default_indicators / _end. */
    .section .rodata
    .global number_extract_default_indicators
    .global number_extract_default_indicators_end
    .hidden number_extract_default_indicators
    .hidden number_extract_default_indicators_end
number_extract_default_indicators:
    .incbin NUMBER_EXTRACT_INDICATORS_TSV
number_extract_default_indicators_end:
    .byte 0
    .section .note.GNU-stack,"",@progbits
