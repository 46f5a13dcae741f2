<?php
/**
 * Plugin Name:       wirediff
 * Description:       Shows, word by word, how a news outlet rewrote a wire story: the <wire-diff> element and the [wire_diff] shortcode.
 * Version:           @version@
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT OR Apache-2.0
 * Plugin URI:        https://github.com/wirediff/wirediff
 *
 * The comparison runs in the reader's browser; this plugin sends no article
 * text anywhere. scripts/pack builds the plugin's zip and writes the version
 * in; docs/embedding.md#wordpress says what it does.
 *
 * @package wirediff
 */

defined( 'ABSPATH' ) || exit;

const WIREDIFF_VERSION = '@version@';

/*
 * The engine's files sit in a folder named for the version: the modules find
 * each other, the wasm, the worker and the stylesheet by relative URLs, which
 * a ?ver= on the entry alone would not reach, so an upgrade changes every
 * asset's URL and no reader keeps a stale one from a cache.
 */
function wirediff_asset_url( $file ) {
	return plugins_url( 'assets/' . WIREDIFF_VERSION . '/' . $file, __FILE__ );
}

/*
 * The element's attributes an author may set. Not wasm-url: where the engine
 * is loaded from is the site's choice, not a post's.
 */
function wirediff_attributes() {
	return array_merge(
		array(
			'source-src',
			'compare-src',
			'view',
			'source-label',
			'compare-label',
			'time-budget-ms',
			'max-input-mb',
			'src-timeout-s',
		),
		wirediff_boolean_attributes()
	);
}

/* The element's attributes that are on when present, whatever their value. */
function wirediff_boolean_attributes() {
	return array(
		'hide-boilerplate',
		'ignore-case',
		'ignore-punctuation',
		'no-unify-quotes',
		'no-unify-dashes',
		'no-unify-whitespace',
	);
}

/*
 * The module script. WordPress 6.5 has script modules; before it, a classic
 * registration whose tag the filter below makes type="module".
 */
function wirediff_register_script() {
	if ( function_exists( 'wp_register_script_module' ) ) {
		wp_register_script_module( 'wirediff', wirediff_asset_url( 'wire-diff-define.js' ), array(), WIREDIFF_VERSION );
	} else {
		wp_register_script( 'wirediff', wirediff_asset_url( 'wire-diff-define.js' ), array(), WIREDIFF_VERSION, true );
	}
}
add_action( 'init', 'wirediff_register_script' );

function wirediff_enqueue_script() {
	if ( function_exists( 'wp_enqueue_script_module' ) ) {
		wp_enqueue_script_module( 'wirediff' );
	} else {
		wp_enqueue_script( 'wirediff' );
	}
}

function wirediff_module_tag( $tag, $handle ) {
	if ( 'wirediff' !== $handle ) {
		return $tag;
	}
	$tag = preg_replace( '/\stype=([\'"])[^\'"]*\1/', '', $tag );
	return preg_replace( '/<script\b/', '<script type="module"', $tag, 1 );
}
add_filter( 'script_loader_tag', 'wirediff_module_tag', 10, 2 );

/*
 * kses: authors and contributors lack unfiltered_html, so without this their
 * <wire-diff> is stripped on save and slot="source" dropped from its texts.
 */
function wirediff_allowed_html( $tags, $context ) {
	if ( 'post' !== $context ) {
		return $tags;
	}
	$attributes = array(
		'id'     => true,
		'class'  => true,
		'hidden' => true,
	);
	foreach ( wirediff_attributes() as $name ) {
		$attributes[ $name ] = true;
	}
	$tags['wire-diff'] = $attributes;
	foreach ( array( 'pre', 'div', 'p', 'blockquote' ) as $tag ) {
		if ( isset( $tags[ $tag ] ) ) {
			$tags[ $tag ]['slot'] = true;
		}
	}
	return $tags;
}
add_filter( 'wp_kses_allowed_html', 'wirediff_allowed_html', 10, 2 );

/* The text URLs get kses's protocol check (no javascript:). */
function wirediff_uri_attributes( $attributes ) {
	$attributes[] = 'source-src';
	$attributes[] = 'compare-src';
	return $attributes;
}
add_filter( 'wp_kses_uri_attributes', 'wirediff_uri_attributes' );

/*
 * A text's URL from a shortcode value: an attachment ID (a text file in the
 * media library) or a URL. Null when it names no text attachment.
 */
function wirediff_text_url( $value ) {
	$value = trim( (string) $value );
	if ( ctype_digit( $value ) ) {
		$id   = (int) $value;
		$mime = (string) get_post_mime_type( $id );
		if ( 'attachment' !== get_post_type( $id ) || 0 !== strpos( $mime, 'text/' ) ) {
			return null;
		}
		return wp_get_attachment_url( $id );
	}
	return '' === $value ? null : $value;
}

/*
 * [wire_diff source="12" compare="https://…/outlet.txt" source_label="AP"
 * compare_label="Kompas" view="side-by-side" hide_boilerplate="1" …]: each
 * attribute of the element, with _ for -.
 */
function wirediff_shortcode( $atts ) {
	$defaults = array(
		'source'  => '',
		'compare' => '',
	);
	foreach ( wirediff_attributes() as $name ) {
		if ( 'source-src' !== $name && 'compare-src' !== $name ) {
			$defaults[ str_replace( '-', '_', $name ) ] = null;
		}
	}
	$atts = shortcode_atts( $defaults, $atts, 'wire_diff' );

	$html = '<wire-diff';
	foreach ( array( 'source', 'compare' ) as $side ) {
		$url = wirediff_text_url( $atts[ $side ] );
		if ( null === $url ) {
			return '<p class="wirediff-error">' . esc_html(
				sprintf(
					/* translators: 1: source or compare, 2: the value given */
					__( 'wirediff: the %1$s text "%2$s" is neither a URL nor the ID of a text attachment.', 'wirediff' ),
					$side,
					$atts[ $side ]
				)
			) . '</p>';
		}
		$html .= ' ' . $side . '-src="' . esc_url( $url ) . '"';
	}
	foreach ( $defaults as $key => $unused ) {
		if ( 'source' === $key || 'compare' === $key || null === $atts[ $key ] ) {
			continue;
		}
		$name = str_replace( '_', '-', $key );
		if ( in_array( $name, wirediff_boolean_attributes(), true ) ) {
			// On when present, whatever its value: "0" or "false" must mean off here.
			if ( ! in_array( strtolower( trim( $atts[ $key ] ) ), array( '', '0', 'false', 'no', 'off' ), true ) ) {
				$html .= ' ' . $name;
			}
			continue;
		}
		$html .= ' ' . $name . '="' . esc_attr( $atts[ $key ] ) . '"';
	}
	wirediff_enqueue_script();
	return $html . '></wire-diff>';
}
add_shortcode( 'wire_diff', 'wirediff_shortcode' );

/*
 * The texts inside a <wire-diff> are the comparison's input, byte for byte,
 * so no content filter may touch them (wpautop's <p> and <br>, wptexturize's
 * quotes and dashes, smilies, shortcodes in them). Before those filters run,
 * each element is set aside for a token; after them it comes back: the
 * element itself on a page, or, where the texts would be read as prose (an
 * excerpt, a feed), a link to the post instead of them.
 */
function wirediff_stash( $html = null ) {
	static $stash = array();
	if ( null !== $html ) {
		$token           = 'wirediff-stash-' . count( $stash ) . '-' . md5( $html );
		$stash[ $token ] = $html;
		return $token;
	}
	return $stash;
}

/* What stands for a comparison where it would be read as prose. */
function wirediff_as_prose() {
	if ( ! is_feed() ) {
		return '';
	}
	return '<p><a href="' . esc_url( get_permalink() ) . '">' . esc_html__( 'See the comparison on the site.', 'wirediff' ) . '</a></p>';
}

const WIREDIFF_ELEMENT = '#<wire-diff\b[^>]*>.*?</wire-diff\s*>#is';

function wirediff_protect( $content ) {
	if ( false === stripos( $content, '<wire-diff' ) ) {
		return $content;
	}
	return preg_replace_callback(
		WIREDIFF_ELEMENT,
		function ( $match ) {
			return "\n\n" . wirediff_stash( $match[0] ) . "\n\n";
		},
		$content
	);
}
add_filter( 'the_content', 'wirediff_protect', 1 );

function wirediff_restore( $content ) {
	$stash = wirediff_stash();
	if ( ! $stash || false === strpos( $content, 'wirediff-stash-' ) ) {
		return $content;
	}
	$as_prose = is_feed() || doing_filter( 'get_the_excerpt' );
	return preg_replace_callback(
		'#(?:<p>)?\s*(wirediff-stash-\d+-[0-9a-f]+)\s*(?:</p>)?#',
		function ( $match ) use ( $stash, $as_prose ) {
			if ( ! isset( $stash[ $match[1] ] ) ) {
				return $match[0];
			}
			if ( $as_prose ) {
				return wirediff_as_prose();
			}
			wirediff_enqueue_script();
			return wirediff_no_smilies( $stash[ $match[1] ] );
		},
		$content
	);
}
add_filter( 'the_content', 'wirediff_restore', PHP_INT_MAX );

/*
 * Block themes convert smilies in the whole page once more, after the
 * content filters, and only <pre> and <code> are spared: the characters a
 * smiley starts with are written as references in the element's text, which
 * reads the same.
 */
function wirediff_no_smilies( $html ) {
	return preg_replace_callback(
		'/<[^>]*>|[^<]+/',
		function ( $part ) {
			if ( '<' === $part[0][0] ) {
				return $part[0];
			}
			return preg_replace_callback(
				'/&[#a-zA-Z0-9]+;|[:;]|8(?=[-O)])/',
				function ( $char ) {
					return '&' === $char[0][0] ? $char[0] : '&#' . ord( $char[0] ) . ';';
				},
				$part[0]
			);
		},
		$html
	);
}

/*
 * Block themes texturize the whole page once more, after the content
 * filters; inside the element it must not.
 */
function wirediff_no_texturize( $tags ) {
	$tags[] = 'wire-diff';
	return $tags;
}
add_filter( 'no_texturize_tags', 'wirediff_no_texturize' );

/*
 * A shortcode's element holds no text, but an excerpt or a feed reader can do
 * nothing with it either: the same link in feeds, nothing in excerpts.
 */
function wirediff_shortcode_as_prose( $output, $tag ) {
	if ( 'wire_diff' !== $tag || ! ( is_feed() || doing_filter( 'get_the_excerpt' ) ) ) {
		return $output;
	}
	return wirediff_as_prose();
}
add_filter( 'do_shortcode_tag', 'wirediff_shortcode_as_prose', 10, 2 );
