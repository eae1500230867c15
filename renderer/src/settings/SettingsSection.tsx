import { PageSection, type PageSectionProps } from '../components/PageSection';

/** One block of the settings page, under the page's group headings (Security, Notes, Records). */
export function SettingsSection(props: Omit<PageSectionProps, 'order'>) {
  return <PageSection order={3} {...props} />;
}
