// The bridge to @tanstack/query-persist-client-core. Its latest release (5.104.5) pins
// @tanstack/query-core 5.104.5 while @tanstack/react-query 5.108.4 pins 5.108.4, so npm installs
// two query-core copies. Their `hydrate` / `dehydrate` are identical and only use the client's
// public methods, so handing our client to the older functions works; TypeScript sees two unrelated
// QueryClient classes (private fields), hence the one cast here. Anything that is a singleton
// (onlineManager, focusManager) must be imported from @tanstack/react-query, never query-core.
import type { QueryClient } from '@tanstack/react-query';
import {
  persistQueryClientRestore,
  persistQueryClientSave,
  type PersistedQueryClientRestoreOptions,
  type PersistedQueryClientSaveOptions,
  type Persister,
} from '@tanstack/query-persist-client-core';
import { persistDehydrateOptions } from './policy';

type CoreClient = PersistedQueryClientRestoreOptions['queryClient'];
const asCoreClient = (client: QueryClient) => client as unknown as CoreClient;

export function restoreInto(queryClient: QueryClient, persister: Persister, buster: string, maxAge: number) {
  return persistQueryClientRestore({ queryClient: asCoreClient(queryClient), persister, buster, maxAge });
}

export function saveFrom(queryClient: QueryClient, persister: Persister, buster: string) {
  return persistQueryClientSave({
    queryClient: asCoreClient(queryClient),
    persister,
    buster,
    dehydrateOptions: persistDehydrateOptions as PersistedQueryClientSaveOptions['dehydrateOptions'],
  });
}
