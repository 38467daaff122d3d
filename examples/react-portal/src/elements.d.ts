// <partner-migration-assistant> in JSX: its attributes, and a ref to the element with its types.
import type {
  PartnerMigrationAssistantAttributes,
  PartnerMigrationAssistantElement,
} from 'partner-migration-assistant';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'partner-migration-assistant': DetailedHTMLProps<
        HTMLAttributes<PartnerMigrationAssistantElement>,
        PartnerMigrationAssistantElement
      > &
        PartnerMigrationAssistantAttributes;
    }
  }
}
