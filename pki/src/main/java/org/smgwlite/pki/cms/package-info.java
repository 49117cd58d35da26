/**
 * CMS SignedData for day-after batches: a gateway signs with its signature key, the platform verifies
 * against that gateway's stored signature certificates. Bouncy Castle stays behind these types.
 */
package org.smgwlite.pki.cms;
